package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partnerprogram.renewal.domain.DueWork;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.StoredOffer;

/**
 * D23: what the sweep will do between two days (reminders, lapses), for operators, read from the
 * due-work index only. An offer's index entry holds its first pending day and all its work lies
 * within {@link RenewalRules#pendingWorkSpanDays()} of it, so querying each shard from that many
 * days before the range finds every offer with work in it.
 */
@ApplicationScoped
public class ListDueWork {

    /** D23: the longest range one request may ask for, and the page sizes. */
    public static final int MAX_RANGE_DAYS = 31;
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;

    private final OfferStore store;
    private final RenewalRules rules;
    private final Access access;

    public ListDueWork(OfferStore store, RenewalRules rules, Access access) {
        this.store = store;
        this.rules = rules;
        this.access = access;
    }

    /** One piece of work of one offer. */
    public record Item(String partnerId, String offerId, String name, LocalDate anniversaryDate, LocalDate dueAt,
            DueWork.Kind work) {

        Position position() {
            return new Position(dueAt, partnerId, offerId, work);
        }
    }

    /** Where an item stands in the answer's order (dueAt, partner, offer, work): what a cursor holds. */
    public record Position(LocalDate dueAt, String partnerId, String offerId, DueWork.Kind work) implements Comparable<Position> {

        // Here, not in ListDueWork, whose statics every check function's start initialises with its
        // client proxy: only a listing builds this.
        private static final Comparator<Position> ORDER = Comparator.comparing(Position::dueAt)
                .thenComparing(Position::partnerId).thenComparing(Position::offerId).thenComparing(Position::work);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** A page of items and, when more follow, the position of its last item. */
    public record Page(List<Item> items, Position next) {
    }

    /** The items due in [from, to] after {@code after} (null: from the start), at most {@code limit}. */
    public Page due(Caller caller, LocalDate from, LocalDate to, int limit, Position after) {
        access.requireOperator(caller);
        requireValid(from, to, limit, after);
        List<Item> items = dueAfter(after == null ? from : after.dueAt(), to, after);
        if (items.size() <= limit) {
            return new Page(items, null);
        }
        List<Item> page = List.copyOf(items.subList(0, limit));
        return new Page(page, page.get(limit - 1).position());
    }

    private static void requireValid(LocalDate from, LocalDate to, int limit, Position after) {
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw Problem.invalid("to", "must be at most " + MAX_RANGE_DAYS + " days after from");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("limit", "must be 1 to " + MAX_LIMIT);
        }
        // Every cursor this range gives is the position of one of its items: one outside it was
        // made up, or taken from another range.
        if (after != null && (after.dueAt().isBefore(from) || after.dueAt().isAfter(to))) {
            throw Problem.invalid("cursor", "is not a cursor of this range; start again without one");
        }
    }

    /** Every item due in [start, to] that comes after {@code after} (null: all), in the answer's order. */
    private List<Item> dueAfter(LocalDate start, LocalDate to, Position after) {
        List<Item> items = new ArrayList<>();
        for (int shard = 0; shard < store.dueShards(); shard++) {
            for (StoredOffer stored : store.dueBetween(shard, start.minusDays(rules.pendingWorkSpanDays()), to)) {
                Offer offer = stored.offer();
                for (DueWork work : rules.pendingWork(offer)) {
                    Item item = new Item(offer.partnerId(), offer.offerId(), offer.name(), offer.anniversaryDate(),
                            work.dueAt(), work.work());
                    if (!work.dueAt().isBefore(start) && !work.dueAt().isAfter(to)
                            && (after == null || item.position().compareTo(after) > 0)) {
                        items.add(item);
                    }
                }
            }
        }
        items.sort(Comparator.comparing(Item::position));
        return items;
    }
}
