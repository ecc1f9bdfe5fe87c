package org.partnerprogram.renewal.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policies in force, effective-dated by the AD being renewed (D11). Policies are data: each is
 * a {@code policies/<id>.properties} resource, so a second policy is added without code.
 */
public final class PolicyCatalog {

    private static final Pattern PLUS_DAYS = Pattern.compile("CURRENT_PLUS_DAYS\\((\\d+)\\)");

    /** Ordered by effectiveFrom; the one without a lower bound first. */
    private final List<Policy> policies;

    private PolicyCatalog(List<Policy> policies) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        List<Policy> ordered = new ArrayList<>(policies);
        ordered.sort(PolicyCatalog::byEffectiveFrom);
        if (ordered.get(0).effectiveFrom() != null) {
            throw new IllegalArgumentException("the first policy must have no lower bound: every AD needs a policy");
        }
        for (Policy policy : ordered) {
            if (!policy.zone().equals(ordered.get(0).zone())) {
                throw new IllegalArgumentException("all policies must share one zone, or \"today\" would be ambiguous");
            }
        }
        this.policies = List.copyOf(ordered);
    }

    /**
     * The one without a lower bound first, then by effectiveFrom. Written out rather than composed
     * from Comparator's factories, whose classes and lambdas a cold function would load only for
     * this (docs/benchmark.md).
     */
    private static int byEffectiveFrom(Policy a, Policy b) {
        LocalDate from = a.effectiveFrom();
        LocalDate otherFrom = b.effectiveFrom();
        if (from == null) {
            return otherFrom == null ? 0 : -1;
        }
        return otherFrom == null ? 1 : from.compareTo(otherFrom);
    }

    public static PolicyCatalog of(Policy... policies) {
        return new PolicyCatalog(Arrays.asList(policies));
    }

    /** Loads {@code policies/<id>.properties} for each id from the classpath. */
    public static PolicyCatalog load(List<String> ids) {
        List<Policy> policies = new ArrayList<>();
        for (String id : ids) {
            policies.add(loadResource(id));
        }
        return new PolicyCatalog(policies);
    }

    /** The same policies with "today" taken in another zone (a deployment setting, D6). */
    public PolicyCatalog inZone(ZoneId zone) {
        return new PolicyCatalog(policies.stream()
                .map(p -> new Policy(p.id(), p.effectiveFrom(), zone, p.opensAfterDays(), p.closesAfterDays(),
                        p.newAnniversaryDays(), p.reminders(), p.extensions()))
                .toList());
    }

    /** D11: the policy with the latest effectiveFrom on or before the AD. */
    public Policy governing(LocalDate anniversaryDate) {
        Policy governing = policies.get(0);
        for (Policy policy : policies) {
            if (policy.effectiveFrom() == null || !policy.effectiveFrom().isAfter(anniversaryDate)) {
                governing = policy;
            }
        }
        return governing;
    }

    public ZoneId zone() {
        return policies.get(0).zone();
    }

    /** D6: today is the calendar date of the instant in the policies' zone. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone());
    }

    public List<Policy> policies() {
        return policies;
    }

    private static Policy loadResource(String id) {
        String resource = "policies/" + id + ".properties";
        try (InputStream in = PolicyCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no policy resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return parse(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static Policy parse(Properties p) {
        String id = required(p, "id");
        List<Policy.Extension> extensions = new ArrayList<>();
        for (String program : list(p.getProperty("extensions", ""))) {
            extensions.add(extension(p, program));
        }
        List<Policy.ReminderRule> reminders = new ArrayList<>();
        for (String reminder : list(required(p, "reminders"))) {
            reminders.add(reminder(reminder));
        }
        return new Policy(
                id,
                optionalDate(p.getProperty("effectiveFrom", "")),
                ZoneId.of(required(p, "zone")),
                Integer.parseInt(required(p, "window.opensAfterDays")),
                Integer.parseInt(required(p, "window.closesAfterDays")),
                plusDays(required(p, "newAnniversary")),
                reminders,
                extensions);
    }

    private static Policy.Extension extension(Properties p, String program) {
        String prefix = "extension." + program + ".";
        Set<OfferType> covered = EnumSet.noneOf(OfferType.class);
        for (String type : list(required(p, prefix + "coveredTypes"))) {
            covered.add(OfferType.valueOf(type));
        }
        return new Policy.Extension(
                program,
                LocalDate.parse(required(p, prefix + "anniversaryFrom")),
                LocalDate.parse(required(p, prefix + "anniversaryTo")),
                covered,
                new LinkedHashSet<>(list(p.getProperty(prefix + "excludedCompetencyAreas", ""))),
                Boolean.parseBoolean(required(p, prefix + "requiresPartnerCenterMigration")));
    }

    private static Policy.ReminderRule reminder(String entry) {
        String[] parts = entry.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("reminder must be KIND:offsetDays, not " + entry);
        }
        return new Policy.ReminderRule(ReminderKind.valueOf(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    private static int plusDays(String rule) {
        Matcher matcher = PLUS_DAYS.matcher(rule.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unsupported newAnniversary rule " + rule);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("policy property " + key + " is missing");
        }
        return value.strip();
    }

    private static LocalDate optionalDate(String value) {
        return value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
