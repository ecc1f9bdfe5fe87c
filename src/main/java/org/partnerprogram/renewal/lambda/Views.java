package org.partnerprogram.renewal.lambda;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.partnerprogram.renewal.domain.Assessment;
import org.partnerprogram.renewal.domain.Blocker;
import org.partnerprogram.renewal.domain.Exemption;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Notification;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.domain.Renewal;
import org.partnerprogram.renewal.usecase.ListDueWork;
import org.partnerprogram.renewal.usecase.SweepDueWork;

/** The contract's JSON shapes (section 3), field for field and in its order. */
final class Views {

    private Views() {
    }

    /** The contract's fields, then two it leaves implicit: the stored requirementsMet and the days left (D2). */
    record OfferStatusView(String partnerId, String offerId, String type, String name, String area, String asOf,
            String anniversaryDate, WindowView renewalWindow, String status, boolean benefitsActive, boolean renewable,
            List<BlockerView> blockers, ExemptionView exemption, MoneyView renewalFee, List<ReminderView> reminders,
            String policy, boolean requirementsMet, int daysLeftToRenew) {
    }

    record OfferListView(String partnerId, String asOf, List<OfferStatusView> offers) {
    }

    record WindowView(String opens, String closes) {
    }

    record BlockerView(String code, String message) {
    }

    record ExemptionView(String program, String until) {
    }

    record MoneyView(String amount, String currency) {
    }

    record PaymentView(String reference, String amount, String currency) {
    }

    record ReminderView(String kind, String due, String sentOn) {
    }

    record RenewalView(String renewalId, String partnerId, String offerId, String previousAnniversaryDate,
            String newAnniversaryDate, String renewedOn, ExemptionView exemption, PaymentView payment, String policy) {
    }

    record RenewalsView(List<RenewalView> renewals) {
    }

    /** The one partner answer (D18, D22): the PUT's echo and the GET. */
    record PartnerView(String partnerId, String name, boolean migratedToPartnerCenter, List<ContactView> contacts,
            String language) {
    }

    /** A contact as it was sent: {@code name} is left out when none was given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContactView(String email, String name) {
    }

    record NotificationView(String partnerId, String offerId, String event, String anniversaryDate, String status,
            List<String> to, String sentAt, String messageId) {
    }

    record NotificationsView(List<NotificationView> notifications) {
    }

    record DueItemView(String partnerId, String offerId, String name, String anniversaryDate, String dueAt,
            String work) {
    }

    record DueView(String from, String to, List<DueItemView> items, String nextCursor) {
    }

    record OfferView(String partnerId, String offerId, String type, String name, String area, String anniversaryDate,
            boolean requirementsMet, MoneyView renewalFee) {
    }

    record SweepView(String date, int itemsRead, int remindersRecorded, int lapsed, List<String> failures,
            boolean complete) {
    }

    static SweepView sweep(SweepDueWork.Report r) {
        return new SweepView(text(r.date()), r.itemsRead(), r.remindersRecorded(), r.lapsed(), r.failures(), r.complete());
    }

    static OfferStatusView status(Assessment a) {
        Offer offer = a.offer();
        return new OfferStatusView(offer.partnerId(), offer.offerId(), offer.type().name(), offer.name(), offer.area(),
                text(a.asOf()), text(offer.anniversaryDate()),
                new WindowView(text(a.window().opens()), text(a.window().closes())),
                a.status().name(), a.benefitsActive(), a.renewable(), blockers(a.blockers()), exemption(a.exemption()),
                money(offer.renewalFee()),
                a.reminders().stream().map(r -> new ReminderView(r.kind().name(), text(r.due()), text(r.sentOn()))).toList(),
                a.policy().id(), offer.requirementsMet(), a.daysLeftToRenew());
    }

    static OfferListView list(String partnerId, LocalDate asOf, List<Assessment> assessments) {
        return new OfferListView(partnerId, text(asOf), assessments.stream().map(Views::status).toList());
    }

    static List<BlockerView> blockers(List<Blocker> blockers) {
        return blockers.stream().map(b -> new BlockerView(b.code().code(), b.message())).toList();
    }

    static RenewalView renewal(Renewal r) {
        Payment p = r.payment();
        return new RenewalView(r.renewalId(), r.partnerId(), r.offerId(), text(r.previousAnniversaryDate()),
                text(r.newAnniversaryDate()), text(r.renewedOn()), exemption(r.exemption()),
                p == null ? null : new PaymentView(p.reference(), p.money().amountText(), p.money().currency()),
                r.policy());
    }

    static RenewalsView renewals(List<Renewal> renewals) {
        return new RenewalsView(renewals.stream().map(Views::renewal).toList());
    }

    static PartnerView partner(Partner p) {
        return new PartnerView(p.partnerId(), p.name(), p.migratedToPartnerCenter(),
                p.contacts().stream().map(c -> new ContactView(c.email(), c.name())).toList(), p.language().tag());
    }

    static NotificationsView notifications(List<Notification> notifications) {
        return new NotificationsView(notifications.stream().map(n -> new NotificationView(n.partnerId(), n.offerId(),
                n.event().name(), text(n.anniversaryDate()), n.status().name(), n.to(),
                n.sentAt() == null ? null : n.sentAt().toString(), n.messageId())).toList());
    }

    static DueView due(LocalDate from, LocalDate to, ListDueWork.Page page) {
        return new DueView(text(from), text(to), page.items().stream()
                .map(i -> new DueItemView(i.partnerId(), i.offerId(), i.name(), text(i.anniversaryDate()), text(i.dueAt()),
                        i.work().name()))
                .toList(), page.next() == null ? null : Cursors.write(page.next()));
    }

    static OfferView offer(Offer o) {
        return new OfferView(o.partnerId(), o.offerId(), o.type().name(), o.name(), o.area(), text(o.anniversaryDate()),
                o.requirementsMet(), money(o.renewalFee()));
    }

    private static ExemptionView exemption(Exemption e) {
        return e == null ? null : new ExemptionView(e.program(), text(e.until()));
    }

    private static MoneyView money(Money m) {
        return new MoneyView(m.amountText(), m.currency());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
