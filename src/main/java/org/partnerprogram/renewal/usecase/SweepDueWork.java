package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.AnniversaryState;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.ReminderKind;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.domain.SweepStep;
import org.partnerprogram.renewal.store.AlreadyRecordedException;
import org.partnerprogram.renewal.store.ConcurrentChangeException;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.StoredOffer;

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
    private final int parallelism;

    public SweepDueWork(OfferStore store, RenewalRules rules, Today today, RenewalConfig config) {
        this.store = store;
        this.rules = rules;
        this.today = today;
        this.parallelism = config.sweepParallelism();
    }

    /** What a sweep did; {@code complete} is false if it stopped for time and left work for the next run. */
    public record Report(LocalDate date, int itemsRead, Map<ReminderKind, Integer> remindersByKind, int lapsed,
            List<String> failures, boolean complete) {

        public int remindersRecorded() {
            return remindersByKind.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Sweeps everything due on or before {@code day}, the index's shards in parallel;
     * {@code timeLeft} says whether to take another page. A store that keeps failing fails the
     * sweep (the invocation is retried); what was done stays done.
     */
    public Report sweep(LocalDate day, BooleanSupplier timeLeft) {
        Tally tally = new Tally();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, store.dueShards()));
        try {
            List<Future<Boolean>> shards = new ArrayList<>();
            for (int shard = 0; shard < store.dueShards(); shard++) {
                int index = shard;
                shards.add(workers.submit(() -> sweepShard(index, day, timeLeft, tally)));
            }
            boolean complete = true;
            for (Future<Boolean> shard : shards) {
                complete &= join(shard);
            }
            return tally.report(day, complete);
        } finally {
            workers.shutdownNow();
        }
    }

    /** One shard, page by page; false if it stopped for time. */
    private boolean sweepShard(int shard, LocalDate day, BooleanSupplier timeLeft, Tally tally) {
        Iterator<List<StoredOffer>> pages = store.due(shard, day, PAGE).iterator();
        // Time is checked before each page is asked for: the paginator queries only on demand.
        while (timeLeft.getAsBoolean()) {
            if (!pages.hasNext()) {
                return true;
            }
            List<StoredOffer> page = pages.next();
            tally.read(page.size());
            for (StoredOffer due : page) {
                sweepOne(due, day, tally).ifPresent(tally::done);
            }
        }
        return false;
    }

    private static boolean join(Future<Boolean> shard) {
        try {
            return shard.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        }
    }

    /** What the shards did, added up across their threads. */
    private static final class Tally {
        private int read;
        private final Map<ReminderKind, Integer> reminders = new EnumMap<>(ReminderKind.class);
        private int lapsed;
        private final List<String> failures = new ArrayList<>();

        synchronized void read(int items) {
            read += items;
        }

        synchronized void done(SweepStep step) {
            step.remindersToRecord().forEach(r -> reminders.merge(r.kind(), 1, Integer::sum));
            lapsed += step.lapse() ? 1 : 0;
        }

        synchronized void failed(String failure) {
            failures.add(failure);
        }

        synchronized Report report(LocalDate day, boolean complete) {
            return new Report(day, read, Map.copyOf(reminders), lapsed, List.copyOf(failures), complete);
        }
    }

    /**
     * One offer; on a lost race it reads the offer again and re-plans, a bounded number of times.
     * A reminder or lapse already recorded for this AD (the offer's copy had forgotten it) is
     * taken from the records once, and the step planned again and stored with the records' state
     * (even when nothing is left to record): an answer, not a race.
     */
    private Optional<SweepStep> sweepOne(StoredOffer due, LocalDate day, Tally tally) {
        StoredOffer current = due;
        boolean reconciled = false;
        int attempt = 0;
        while (attempt < ATTEMPTS) {
            SweepStep step = rules.sweep(current.offer(), day);
            if (step.changesNothing() && !reconciled) {
                return Optional.empty();
            }
            try {
                store.applySweep(current, step, today.now());
                return Optional.of(step);
            } catch (AlreadyRecordedException e) {
                if (reconciled) {
                    break;
                }
                reconciled = true;
                current = withRecords(current);
            } catch (ConcurrentChangeException e) {
                attempt++;
                Optional<StoredOffer> fresh = store.offer(current.offer().partnerId(), current.offer().offerId());
                if (fresh.isEmpty()) {
                    return Optional.empty();
                }
                current = fresh.get();
            }
        }
        String failure = current.offer().partnerId() + "/" + current.offer().offerId() + ": kept changing during the sweep";
        LOG.warn(failure);
        tally.failed(failure);
        return Optional.empty();
    }

    /** The offer with what the table records for its AD folded into its state (same version). */
    private StoredOffer withRecords(StoredOffer stored) {
        Offer offer = stored.offer();
        AnniversaryState recorded = store.recordedFor(offer.partnerId(), offer.offerId(), offer.anniversaryDate());
        return new StoredOffer(offer.with(offer.state().including(recorded)), stored.version());
    }
}
