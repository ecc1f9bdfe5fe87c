package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A renewal policy as data (see {@code src/main/resources/policies/}). Every number the rules use
 * comes from here; the decision numbers refer to {@code docs/rules.md}.
 *
 * @param id                  stamped on every status answer and renewal (D11)
 * @param effectiveFrom       first AD this policy governs; {@code null} means no lower bound (D11)
 * @param zone                the zone in which "today" is a calendar date (D6)
 * @param opensAfterDays      first day of the window, counted from the AD (D1)
 * @param closesAfterDays     last day of the window, inclusive (D2)
 * @param newAnniversaryDays  the new AD is the current AD plus this many days (D3)
 * @param reminders           reminder offsets from the AD (D5)
 * @param extensions          requirement waivers such as the COVID-19 extension (D7, D8, D13)
 */
public record Policy(
        String id,
        LocalDate effectiveFrom,
        ZoneId zone,
        int opensAfterDays,
        int closesAfterDays,
        int newAnniversaryDays,
        List<ReminderRule> reminders,
        List<Extension> extensions) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        if (opensAfterDays > closesAfterDays) {
            throw new IllegalArgumentException(id + ": the window closes before it opens");
        }
        if (newAnniversaryDays <= closesAfterDays) {
            throw new IllegalArgumentException(id + ": the new AD must fall after the window");
        }
        reminders = List.copyOf(reminders);
        extensions = List.copyOf(extensions);
    }

    /** D5: a reminder of this kind falls due this many days from the AD (negative: before it). */
    public record ReminderRule(ReminderKind kind, int offsetDays) {
    }

    /**
     * An extension that waives the requirements for ADs in [anniversaryFrom, anniversaryTo] (D7),
     * for the covered offer types, except competencies in the excluded areas (D13).
     */
    public record Extension(
            String program,
            LocalDate anniversaryFrom,
            LocalDate anniversaryTo,
            Set<OfferType> coveredTypes,
            Set<String> excludedCompetencyAreas,
            boolean requiresPartnerCenterMigration) {

        public Extension {
            coveredTypes = Set.copyOf(coveredTypes);
            excludedCompetencyAreas = Set.copyOf(excludedCompetencyAreas);
        }

        public boolean covers(Offer offer) {
            LocalDate ad = offer.anniversaryDate();
            return !ad.isBefore(anniversaryFrom)
                    && !ad.isAfter(anniversaryTo)
                    && coveredTypes.contains(offer.type())
                    && !(offer.type() == OfferType.COMPETENCY && isExcludedArea(offer.area()));
        }

        private boolean isExcludedArea(String area) {
            return area != null && excludedCompetencyAreas.stream().anyMatch(excluded -> excluded.equalsIgnoreCase(area.strip()));
        }
    }

    public RenewalWindow windowFor(LocalDate anniversaryDate) {
        return new RenewalWindow(anniversaryDate.plusDays(opensAfterDays), anniversaryDate.plusDays(closesAfterDays));
    }

    public LocalDate newAnniversaryAfter(LocalDate anniversaryDate) {
        return anniversaryDate.plusDays(newAnniversaryDays);
    }

    /** The first extension that covers the offer's current AD, if any. */
    public Optional<Extension> extensionFor(Offer offer) {
        return extensions.stream().filter(extension -> extension.covers(offer)).findFirst();
    }
}
