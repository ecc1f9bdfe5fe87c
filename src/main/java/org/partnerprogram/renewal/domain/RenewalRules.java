package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that decides. Given an offer, its partner and a day, it answers the status, the
 * blockers, the exemption, the reminders, the result of a renewal and the sweep's work. It never
 * reads a clock: "today" is always passed in (D6). Decision numbers refer to docs/rules.md.
 */
public final class RenewalRules {

    private final PolicyCatalog policies;

    public RenewalRules(PolicyCatalog policies) {
        this.policies = Objects.requireNonNull(policies);
    }

    public PolicyCatalog policies() {
        return policies;
    }

    /** The status answer for {@code asOf} (D12: always computed from the dates and the offer as stored). */
    public Assessment assess(Offer offer, Partner partner, LocalDate asOf) {
        Policy policy = policies.governing(offer.anniversaryDate());
        RenewalWindow window = policy.windowFor(offer.anniversaryDate());
        Optional<Policy.Extension> extension = policy.extensionFor(offer);
        Exemption exemption = extension
                .map(e -> new Exemption(e.program(), policy.newAnniversaryAfter(offer.anniversaryDate())))
                .orElse(null);
        return new Assessment(offer, policy, asOf, window, statusOn(window, asOf),
                blockers(offer, partner, asOf, window, extension), exemption, reminders(policy, offer));
    }

    /** D1..D4, D14: renew on {@code today} with {@code payment} (null when none was given). */
    public RenewalDecision decide(Offer offer, Partner partner, Payment payment, LocalDate today) {
        Assessment assessment = assess(offer, partner, today);
        List<Blocker> blockers = new ArrayList<>(assessment.blockers());
        Money fee = offer.renewalFee();
        if (payment != null && !payment.money().matches(fee)) {
            blockers.add(new Blocker(BlockerCode.PAYMENT_MISMATCH, "The payment of %s %s does not match the renewal fee of %s %s."
                    .formatted(payment.money().amountText(), payment.money().currency(), fee.amountText(), fee.currency())));
        }
        if (!blockers.isEmpty()) {
            return new RenewalDecision.Refused(blockers);
        }
        if (payment == null && !fee.isZero()) {
            return new RenewalDecision.PaymentRequired(fee);
        }
        return new RenewalDecision.Approved(assessment.policy(), offer.anniversaryDate(),
                assessment.policy().newAnniversaryAfter(offer.anniversaryDate()), assessment.exemption());
    }

    /**
     * D5, D4: on {@code today}, record every reminder that is due and still means something (its
     * due date has come and the window has not closed), and mark the offer lapsed once the window
     * has closed. Works for any day, so a late or repeated sweep catches up without doubling.
     */
    public SweepStep sweep(Offer offer, LocalDate today) {
        Policy policy = policies.governing(offer.anniversaryDate());
        RenewalWindow window = policy.windowFor(offer.anniversaryDate());
        List<Reminder> toRecord = new ArrayList<>();
        Offer after = offer;
        if (!window.hasClosedBy(today)) {
            for (Reminder reminder : reminders(policy, offer)) {
                if (reminder.sentOn() == null && !reminder.due().isAfter(today)) {
                    toRecord.add(new Reminder(reminder.kind(), reminder.due(), today));
                    after = after.withReminderSent(reminder.kind(), today);
                }
            }
        }
        boolean lapse = !offer.state().lapsed() && window.hasClosedBy(today);
        if (lapse) {
            after = after.lapsedOn(today);
        }
        return new SweepStep(toRecord, lapse, after, nextDue(after));
    }

    /**
     * D5, D20: whether a reminder recorded for {@code anniversaryDate} still means something on
     * {@code day}, when it is delivered: the offer is still at that AD (not renewed, not moved by an
     * operator) and its window has not closed. A late delivery after that is not sent.
     */
    public boolean reminderStillMeansSomething(Offer offer, LocalDate anniversaryDate, LocalDate day) {
        return offer.anniversaryDate().equals(anniversaryDate)
                && !policies.governing(anniversaryDate).windowFor(anniversaryDate).hasClosedBy(day);
    }

    /**
     * The next day on which the sweep has work for this offer: the earliest unsent reminder, else
     * the day after the window closes; {@code null} once the offer has lapsed (nothing is left for
     * this AD). This is what the due-work index holds.
     */
    public LocalDate nextDue(Offer offer) {
        List<DueWork> work = pendingWork(offer);
        return work.isEmpty() ? null : work.get(0).dueAt();
    }

    /**
     * D23: the work left for the offer's current AD, in day order: the reminders not recorded yet
     * (while they mean something, D5) and the lapse the day after the window; none once lapsed.
     * The earliest is {@link #nextDue}, the day the due-work index holds.
     */
    public List<DueWork> pendingWork(Offer offer) {
        if (offer.state().lapsed()) {
            return List.of();
        }
        Policy policy = policies.governing(offer.anniversaryDate());
        LocalDate lapseDay = policy.windowFor(offer.anniversaryDate()).closes().plusDays(1);
        List<DueWork> work = new ArrayList<>();
        reminders(policy, offer).stream()
                .filter(reminder -> reminder.sentOn() == null && reminder.due().isBefore(lapseDay))
                .forEach(reminder -> work.add(new DueWork(DueWork.Kind.of(reminder.kind()), reminder.due())));
        work.add(new DueWork(DueWork.Kind.LAPSE, lapseDay));
        work.sort(java.util.Comparator.comparing(DueWork::dueAt).thenComparing(DueWork::work));
        return work;
    }

    /**
     * D23: the most days between an offer's first and last pending work under any policy (46 for
     * mpn-2021: AD - 15 to AD + 31). An offer's index entry holds its first, so work due on a day
     * is found among entries at most this many days earlier.
     */
    public int pendingWorkSpanDays() {
        return policies.policies().stream()
                .mapToInt(policy -> policy.closesAfterDays() + 1 - Math.min(0, policy.reminders().stream()
                        .mapToInt(Policy.ReminderRule::offsetDays).min().orElse(0)))
                .max().orElse(0);
    }

    private static OfferStatus statusOn(RenewalWindow window, LocalDate day) {
        if (window.opensAfter(day)) {
            return OfferStatus.ACTIVE;
        }
        return window.hasClosedBy(day) ? OfferStatus.LAPSED : OfferStatus.IN_RENEWAL_WINDOW;
    }

    /** D14 order: window not open, window closed, then migration or requirements (D8, D13). */
    private static List<Blocker> blockers(Offer offer, Partner partner, LocalDate day, RenewalWindow window,
            Optional<Policy.Extension> extension) {
        List<Blocker> blockers = new ArrayList<>();
        if (window.opensAfter(day)) {
            blockers.add(new Blocker(BlockerCode.RENEWAL_WINDOW_NOT_OPEN,
                    "The renewal window opens on %s.".formatted(window.opens())));
        }
        if (window.hasClosedBy(day)) {
            blockers.add(new Blocker(BlockerCode.RENEWAL_WINDOW_CLOSED,
                    "The renewal window closed on %s; the offer has lapsed.".formatted(window.closes())));
        }
        if (!offer.requirementsMet()) {
            if (extension.isEmpty()) {
                blockers.add(new Blocker(BlockerCode.REQUIREMENTS_NOT_MET,
                        "The offer's requirements are not met."));
            } else if (extension.get().requiresPartnerCenterMigration() && !partner.migratedToPartnerCenter()) {
                blockers.add(new Blocker(BlockerCode.PMC_MIGRATION_REQUIRED,
                        "The %s extension waives the requirements only after the membership has moved from PMC to Partner Center."
                                .formatted(extension.get().program())));
            }
        }
        return blockers;
    }

    private static List<Reminder> reminders(Policy policy, Offer offer) {
        return policy.reminders().stream()
                .map(rule -> new Reminder(rule.kind(), offer.anniversaryDate().plusDays(rule.offsetDays()),
                        offer.state().sentOn(rule.kind())))
                .toList();
    }
}
