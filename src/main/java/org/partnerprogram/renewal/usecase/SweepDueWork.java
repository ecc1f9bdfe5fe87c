package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.domain.ReminderKind;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.domain.SweepStep;
import org.partnerprogram.renewal.store.ConcurrentChangeException;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.StoredOffer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The scheduled sweep (section 4): for the event's day, record every due reminder exactly once and
 * mark offers whose window has closed as lapsed. It reads only the due-work index up to that day,
 * so skipped days are caught up and a repeated, late or concurrent sweep finds nothing to double.
 */
@ApplicationScoped
public class SweepDueWork {

    private static final Logger LOG = Logger.getLogger(SweepDueWork.class);
    private static final int PAGE = 100;
    private static final int ATTEMPTS = 3;

    private final OfferStore store;
    private final RenewalRules rules;
    private final Today today;

    public SweepDueWork(OfferStore store, RenewalRules rules, Today today) {
        this.store = store;
        this.rules = rules;
        this.today = today;
    }

    /** What a sweep did; {@code complete} is false if it stopped for time and left work for the next run. */
    public record Report(LocalDate date, int itemsRead, Map<ReminderKind, Integer> remindersByKind, int lapsed,
            List<String> failures, boolean complete) {

        public int remindersRecorded() {
            return remindersByKind.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Sweeps everything due on or before {@code day}; {@code timeLeft} says whether to go on. */
    public Report sweep(LocalDate day, BooleanSupplier timeLeft) {
        int read = 0;
        Map<ReminderKind, Integer> reminders = new EnumMap<>(ReminderKind.class);
        int lapsed = 0;
        List<String> failures = new ArrayList<>();
        for (int shard = 0; shard < store.dueShards(); shard++) {
            Map<String, AttributeValue> start = null;
            do {
                if (!timeLeft.getAsBoolean()) {
                    return new Report(day, read, reminders, lapsed, failures, false);
                }
                OfferStore.DuePage page = store.due(shard, day, start, PAGE);
                read += page.offers().size();
                for (StoredOffer due : page.offers()) {
                    Optional<SweepStep> done = sweepOne(due, day, failures);
                    if (done.isPresent()) {
                        done.get().remindersToRecord().forEach(r -> reminders.merge(r.kind(), 1, Integer::sum));
                        lapsed += done.get().lapse() ? 1 : 0;
                    }
                }
                start = page.next();
            } while (start != null);
        }
        return new Report(day, read, reminders, lapsed, failures, true);
    }

    /** One offer; on a lost race it reads the offer again and re-plans, a bounded number of times. */
    private Optional<SweepStep> sweepOne(StoredOffer due, LocalDate day, List<String> failures) {
        StoredOffer current = due;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            SweepStep step = rules.sweep(current.offer(), day);
            if (step.changesNothing()) {
                return Optional.empty();
            }
            try {
                store.applySweep(current, step, today.now());
                return Optional.of(step);
            } catch (ConcurrentChangeException e) {
                Optional<StoredOffer> fresh = store.offer(current.offer().partnerId(), current.offer().offerId());
                if (fresh.isEmpty()) {
                    return Optional.empty();
                }
                current = fresh.get();
            }
        }
        String failure = current.offer().partnerId() + "/" + current.offer().offerId() + ": kept changing during the sweep";
        LOG.warn(failure);
        failures.add(failure);
        return Optional.empty();
    }
}
