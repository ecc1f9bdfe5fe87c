package org.partnerprogram.renewal.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.partnerprogram.renewal.Standalone;
import org.partnerprogram.renewal.domain.Assessment;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.usecase.Problem;
import org.partnerprogram.renewal.domain.Reminder;
import org.partnerprogram.renewal.local.LocalDynamo;
import org.partnerprogram.renewal.store.Table;
import org.partnerprogram.renewal.usecase.Caller;
import org.partnerprogram.renewal.usecase.Outcome;
import org.partnerprogram.renewal.usecase.RenewOffer;
import org.partnerprogram.renewal.usecase.SweepDueWork;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * D5, D17, D4, D12 and section 4 against a model: random sequences of operator updates (the AD
 * forward, back to one it had, unchanged; requirements; PMC migration), renewals, sweeps on any
 * day (repeated, skipped, out of order) and jumps of the service clock, run through the use cases
 * against DynamoDB Local (a partner of its own per sequence). After every step the table and the status
 * must equal {@link Model}, a plain restatement of the rules that shares no code with
 * {@code RenewalRules}: every (offer, AD, reminder) recorded at most once, and exactly once if a
 * sweep ran on a day it was due while the window was open; at most one lapse per (offer, AD); no
 * sweep ever fails; status, AD, {@code sentOn} and the lapse mark as the model says.
 */
class OfferLifecycleModelTest {

    static final String TABLE = "offer-lifecycle-model";
    static final String OFFER = "model-offer";
    static final Caller OPERATOR = new Caller("operator", null, Set.of("membership-operator"));
    static final Money FEE = new Money(new BigDecimal("4730.00"), "USD");
    static final LocalDate FIRST_DAY = LocalDate.parse("2021-02-20");
    /** ADs inside and outside the COVID-19 extension (2021-01-01..2021-06-30), so they come back often. */
    static final List<LocalDate> ANNIVERSARIES = List.of("2021-02-20", "2021-03-15", "2021-04-10", "2021-06-30",
            "2021-07-01", "2021-08-15").stream().map(LocalDate::parse).toList();

    static LocalDynamo dynamoLocal;
    static DynamoDbClient dynamo;
    static Standalone services;
    static final MovableClock CLOCK = new MovableClock(FIRST_DAY);
    static final AtomicInteger SEQUENCES = new AtomicInteger();
    static final AtomicInteger STEPS = new AtomicInteger();
    static long started;
    static long startedCpu;
    /** The offer of the sequence before: taken out of the due-work index so sweeps see one offer. */
    static String previousPartner;

    @BeforeContainer
    static void startDynamo() throws IOException {
        started = System.nanoTime();
        startedCpu = processCpuNanos();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dynamoLocal = LocalDynamo.start(port);
        dynamo = Standalone.dynamo("http://127.0.0.1:" + port);
        LocalDynamo.createTable(dynamo, TABLE);
        services = Standalone.wire(Standalone.config(Map.of("renewal.table-name", TABLE, "renewal.due-shards", "1",
                "renewal.sweep-parallelism", "1")), dynamo, CLOCK);
    }

    @AfterContainer
    static void stopDynamo() {
        System.out.printf("OfferLifecycleModelTest: %d sequences, %d steps, %.1f s (%.1f s of CPU in this JVM)%n",
                SEQUENCES.get(), STEPS.get(), (System.nanoTime() - started) / 1e9, (processCpuNanos() - startedCpu) / 1e9);
        dynamo.close();
        dynamoLocal.close();
    }

    /** CPU time of this JVM: on a busy machine the wall-clock time says more about the neighbours. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Property(tries = 200)
    void remindersAndLapsesHappenOncePerOfferAndAnniversaryWhateverTheOperatorsAndSweepsDo(
            @ForAll("sequences") ActionChain<World> sequence) {
        sequence.withInvariant("the table and the status agree with the model", World::check)
                .peek(world -> STEPS.incrementAndGet()).run();
    }

    @Provide
    Arbitrary<ActionChain<World>> sequences() {
        return ActionChain.<World>startWith(World::new)
                .withAction(3, new OperatorUpdate())
                .withAction(1, new Migration())
                .withAction(2, new Renewal())
                .withAction(5, new Sweep())
                .withAction(3, new DayJump())
                .withMaxTransformations(12);
    }

    /** The rules restated plainly: what the table and the status must show. */
    static final class Model {
        LocalDate today = FIRST_DAY;
        LocalDate anniversary;
        boolean requirementsMet;
        boolean migrated = true;
        /** (AD, kind) -> the day it was recorded. */
        final Map<String, LocalDate> reminders = new TreeMap<>();
        /** AD -> the day it lapsed. */
        final Map<LocalDate, LocalDate> lapses = new TreeMap<>();
        final Set<LocalDate> renewedFrom = new TreeSet<>();
        /** Every AD the offer has had: an operator may send it back to any of them. */
        final Set<LocalDate> had = new TreeSet<>();

        static LocalDate upcomingDue(LocalDate ad) {
            return ad.minusDays(15);
        }

        static LocalDate closingDue(LocalDate ad) {
            return ad.plusDays(23);
        }

        /** D5, D4: on {@code day}, the current AD's due reminders while its window is open, else its lapse. */
        void sweep(LocalDate day) {
            if (lapses.containsKey(anniversary)) {
                return;
            }
            if (day.isAfter(anniversary.plusDays(30))) {
                lapses.put(anniversary, day);
                return;
            }
            if (!day.isBefore(upcomingDue(anniversary))) {
                reminders.putIfAbsent(anniversary + " UPCOMING_ANNIVERSARY", day);
            }
            if (!day.isBefore(closingDue(anniversary))) {
                reminders.putIfAbsent(anniversary + " WINDOW_CLOSING", day);
            }
        }

        /** D1, D2, D7, D8, D14: the problem code, or null when renewed. */
        String renew() {
            if (!today.isAfter(anniversary)) {
                return "renewal-window-not-open";
            }
            if (today.isAfter(anniversary.plusDays(30))) {
                return "renewal-window-closed";
            }
            boolean extension = !anniversary.isBefore(LocalDate.parse("2021-01-01"))
                    && !anniversary.isAfter(LocalDate.parse("2021-06-30"));
            if (!requirementsMet && !extension) {
                return "requirements-not-met";
            }
            if (!requirementsMet && !migrated) {
                return "pmc-migration-required";
            }
            renewedFrom.add(anniversary);
            anniversary = anniversary.plusDays(365);
            had.add(anniversary);
            return null;
        }

        String status() {
            if (!today.isAfter(anniversary)) {
                return "ACTIVE";
            }
            return today.isAfter(anniversary.plusDays(30)) ? "LAPSED" : "IN_RENEWAL_WINDOW";
        }
    }

    /** The service (use cases wired by hand) and the model, side by side; each sequence has a partner of its own. */
    static final class World {
        final Model model = new Model();
        final String partner = "model-" + SEQUENCES.incrementAndGet();
        final Caller admin = new Caller("admin", partner, Set.of("mpn-partner-admin"));

        World() {
            if (previousPartner != null) {
                dynamo.deleteItem(b -> b.tableName(TABLE).key(Map.of("PK", AttributeValue.fromS("PARTNER#" + previousPartner),
                        "SK", AttributeValue.fromS("OFFER#" + OFFER))));
            }
            previousPartner = partner;
            CLOCK.today = FIRST_DAY;
            services.enrolOffer().enrolPartner(OPERATOR, new Partner(partner, "Model Ltd", true));
            put(ANNIVERSARIES.get(1), true);
        }

        void put(LocalDate anniversary, boolean requirementsMet) {
            Offer update = Offer.enrolled(partner, OFFER, OfferType.COMPETENCY, "Gold Cloud Platform", "Cloud Platform",
                    anniversary, requirementsMet, FEE);
            if (!anniversary.equals(model.anniversary) && model.renewedFrom.contains(anniversary)) {
                // One renewal per (offer, AD): an AD that was renewed is over, the offer cannot go back to it.
                assertThatThrownBy(() -> services.enrolOffer().enrolOffer(OPERATOR, update)).isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("invalid-request"));
                return;
            }
            services.enrolOffer().enrolOffer(OPERATOR, update);
            model.anniversary = anniversary;
            model.had.add(anniversary);
            model.requirementsMet = requirementsMet;
        }

        void sweep(LocalDate day) {
            SweepDueWork.Report report = services.sweepDueWork().sweep(day, () -> true);
            assertThat(report.failures()).as("sweep of %s", day).isEmpty();
            assertThat(report.complete()).isTrue();
            model.sweep(day);
        }

        void renew(int key) {
            RenewOffer.Command command = new RenewOffer.Command(admin, partner, OFFER, "key-" + key,
                    new Payment("pay-" + key, FEE), "request-" + key);
            Outcome outcome = services.renewOffer().renew(command, new CodeOnly());
            assertThat(outcome.code()).as("renewal on %s", model.today).isEqualTo(model.renew());
        }

        void check() {
            Assessment status = services.checkOffer().offer(admin, partner, OFFER, services.checkOffer().asOf(null));
            assertThat(status.asOf()).isEqualTo(model.today);
            assertThat(status.offer().anniversaryDate()).as("AD").isEqualTo(model.anniversary);
            assertThat(status.status().name()).as("status").isEqualTo(model.status());
            assertThat(status.offer().state().lapsedOn()).as("lapse mark").isEqualTo(model.lapses.get(model.anniversary));
            Map<String, LocalDate> sentOn = new HashMap<>();
            for (Reminder reminder : status.reminders()) {
                sentOn.put(reminder.kind().name(), reminder.sentOn());
            }
            assertThat(sentOn.get("UPCOMING_ANNIVERSARY")).as("sentOn UPCOMING_ANNIVERSARY")
                    .isEqualTo(model.reminders.get(model.anniversary + " UPCOMING_ANNIVERSARY"));
            assertThat(sentOn.get("WINDOW_CLOSING")).as("sentOn WINDOW_CLOSING")
                    .isEqualTo(model.reminders.get(model.anniversary + " WINDOW_CLOSING"));
            Map<String, LocalDate> reminders = new TreeMap<>();
            Map<LocalDate, LocalDate> lapses = new TreeMap<>();
            int renewals = 0;
            for (Map<String, AttributeValue> item : records()) {
                String entity = item.get("entity").s();
                LocalDate recordedOn = item.containsKey("recordedOn") ? LocalDate.parse(item.get("recordedOn").s()) : null;
                if (entity.equals(Table.REMINDER_ENTITY)) {
                    String key = item.get("anniversaryDate").s() + " " + item.get("kind").s();
                    assertThat(reminders.put(key, recordedOn)).as("recorded twice: %s", key).isNull();
                } else if (entity.equals("LAPSE")) {
                    lapses.put(LocalDate.parse(item.get("anniversaryDate").s()), recordedOn);
                } else if (entity.equals("RENEWAL")) {
                    renewals++;
                }
            }
            assertThat(reminders).as("reminder records").isEqualTo(model.reminders);
            assertThat(lapses).as("lapse records").isEqualTo(model.lapses);
            assertThat(renewals).as("renewal records").isEqualTo(model.renewedFrom.size());
        }

        List<Map<String, AttributeValue>> records() {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            dynamo.queryPaginator(b -> b.tableName(TABLE).consistentRead(true)
                            .keyConditionExpression("PK = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("OFFER#" + partner + "#" + OFFER))))
                    .items().forEach(items::add);
            return items;
        }

        @Override
        public String toString() {
            return "World[" + partner + ", today " + model.today + ", AD " + model.anniversary + "]";
        }
    }

    static final class OperatorUpdate implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World world) {
            LocalDate current = world.model.anniversary;
            Arbitrary<LocalDate> anniversary = Arbitraries.oneOf(
                    Arbitraries.of(ANNIVERSARIES),
                    Arbitraries.just(current),
                    Arbitraries.of(List.copyOf(world.model.had)),
                    Arbitraries.integers().between(-40, 40).map(current::plusDays));
            return Combinators.combine(anniversary, Arbitraries.of(true, true, false))
                    .as((ad, met) -> Transformer.mutate("operator PUT AD " + ad + (met ? "" : ", requirements not met"),
                            w -> w.put(ad, met)));
        }
    }

    static final class Migration implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.of(true, false).map(migrated -> Transformer.mutate("operator PUT partner migrated=" + migrated, w -> {
                services.enrolOffer().enrolPartner(OPERATOR, new Partner(w.partner, "Model Ltd", migrated));
                w.model.migrated = migrated;
            }));
        }
    }

    static final class Renewal implements Action.Independent<World> {
        private final AtomicInteger keys = new AtomicInteger();

        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.just(Transformer.mutate("renew", w -> w.renew(keys.incrementAndGet())));
        }
    }

    static final class Sweep implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World world) {
            LocalDate today = world.model.today;
            LocalDate ad = world.model.anniversary;
            Arbitrary<LocalDate> day = Arbitraries.oneOf(
                    Arbitraries.just(today),
                    Arbitraries.integers().between(-20, 5).map(today::plusDays),
                    Arbitraries.of(ad.minusDays(15), ad.plusDays(23), ad.plusDays(30), ad.plusDays(31)));
            return day.map(d -> Transformer.mutate("sweep " + d, w -> w.sweep(d)));
        }
    }

    static final class DayJump implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.integers().between(1, 30).map(days -> Transformer.mutate("today +" + days + " days", w -> {
                w.model.today = w.model.today.plusDays(days);
                CLOCK.today = w.model.today;
            }));
        }
    }

    /** The service clock at noon UTC of the model's today (writes use it, D6). */
    static final class MovableClock extends Clock {
        volatile LocalDate today;

        MovableClock(LocalDate today) {
            this.today = today;
        }

        @Override
        public Instant instant() {
            return today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Only the outcome's code matters here: null for a renewal, the problem code for a refusal. */
    static final class CodeOnly implements Outcome.Renderer {
        @Override
        public Outcome renewed(org.partnerprogram.renewal.domain.Renewal renewal) {
            return new Outcome(201, renewal.newAnniversaryDate().toString(), null, false);
        }

        @Override
        public Outcome problem(Problem problem) {
            return new Outcome(409, problem.code(), problem.code(), false);
        }
    }
}
