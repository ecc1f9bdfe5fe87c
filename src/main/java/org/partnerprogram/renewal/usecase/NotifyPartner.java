package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.partnerprogram.renewal.RenewalConfig;
import org.partnerprogram.renewal.domain.Assessment;
import org.partnerprogram.renewal.domain.BlockerCode;
import org.partnerprogram.renewal.domain.Contact;
import org.partnerprogram.renewal.domain.Notification;
import org.partnerprogram.renewal.domain.Notification.Status;
import org.partnerprogram.renewal.domain.NotificationEvent;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.mail.Email;
import org.partnerprogram.renewal.mail.Letter;
import org.partnerprogram.renewal.mail.LetterWriter;
import org.partnerprogram.renewal.mail.SendFailure;
import org.partnerprogram.renewal.mail.SesMailer;
import org.partnerprogram.renewal.store.NotificationStore;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.OutboxEvent;
import org.partnerprogram.renewal.store.PartnerView;
import org.partnerprogram.renewal.store.StoredOffer;

/**
 * Emails one event of the outbox to the partner's contacts (D19, D20): if it is still true, to
 * whoever is listed, in the partner's language, at most once per (offer, AD, event) however often
 * and however concurrently it is delivered. docs/adr/0004-notifications-exactly-once.md says how.
 */
@ApplicationScoped
public class NotifyPartner {

    private static final Logger LOG = Logger.getLogger(NotifyPartner.class);

    /** What one delivery of an event did. */
    public enum Result {
        SENT,
        NO_CONTACTS,
        OBSOLETE,
        FAILED,
        /** An earlier delivery already decided this event's email: nothing was done. */
        ALREADY_DECIDED,
        /** The stream record is not an outbox event (the pipe's filter should not have passed it). */
        NOT_AN_EVENT
    }

    /** Another delivery of the same event holds its claim; this one fails and is redelivered later. */
    public static final class DeliveryInProgress extends RuntimeException {
        DeliveryInProgress(String message) {
            super(message);
        }
    }

    private final OfferStore offers;
    private final NotificationStore notifications;
    private final RenewalRules rules;
    private final LetterWriter writer;
    private final SesMailer mailer;
    private final Today today;
    private final Access access;
    private final RenewalConfig config;

    public NotifyPartner(OfferStore offers, NotificationStore notifications, RenewalRules rules, LetterWriter writer,
            SesMailer mailer, Today today, Access access, RenewalConfig config) {
        this.offers = offers;
        this.notifications = notifications;
        this.rules = rules;
        this.writer = writer;
        this.mailer = mailer;
        this.today = today;
        this.access = access;
        this.config = config;
    }

    /** A stream record's new image (its string attributes): the event it carries, delivered. */
    public Result deliver(Map<String, String> image) {
        Optional<OutboxEvent> event = OutboxEvent.fromImage(image);
        if (event.isEmpty()) {
            LOG.warnf("not an outbox event (entity %s): ignored", image.get("entity"));
            return Result.NOT_AN_EVENT;
        }
        return deliver(event.get());
    }

    /**
     * @throws DeliveryInProgress if another delivery of this event is sending it right now
     * @throws SendFailure (transient) if SES could not take it now: the event is to be redelivered
     */
    public Result deliver(OutboxEvent event) {
        PartnerView view = offers.partnerWithOffer(event.partnerId(), event.offerId());
        Partner partner = view.partnerOr(event.partnerId());
        Optional<Offer> offer = view.offer(event.offerId()).map(StoredOffer::offer);
        if (offer.isEmpty() || !stillTrue(event, offer.get())) {
            return unsent(event, Status.OBSOLETE);
        }
        if (partner.contacts().isEmpty()) {
            return unsent(event, Status.NO_CONTACTS);
        }
        String token = UUID.randomUUID().toString();
        NotificationStore.Claim claim = notifications.claim(event, token, today.now(), config.mail().claimLease());
        if (claim == NotificationStore.Claim.DONE) {
            return Result.ALREADY_DECIDED;
        }
        if (claim == NotificationStore.Claim.BUSY) {
            throw new DeliveryInProgress("another delivery is sending " + describe(event));
        }
        return send(event, offer.get(), partner, token);
    }

    /**
     * Emails the event to the partner's contacts under the claim {@code token} and records the
     * outcome. A transient failure gives the claim back and is thrown, so the event is redelivered
     * (D20); a permanent one is recorded as FAILED.
     */
    private Result send(OutboxEvent event, Offer offer, Partner partner, String token) {
        List<String> to = partner.contacts().stream().map(Contact::email).toList();
        LetterWriter.Written written = writer.write(letter(event, offer, partner));
        String messageId;
        try {
            messageId = mailer.send(new Email(config.mail().sender(), to, written.subject(), written.text(), written.html()));
        } catch (SendFailure failure) {
            if (failure.isTransient()) {
                notifications.release(event, token, today.now());
                throw failure;
            }
            LOG.warnf("SES refused %s for good: %s", describe(event), failure.getMessage());
            complete(token, outcome(event, Status.FAILED, to, null, null, failure.getMessage()));
            return Result.FAILED;
        }
        complete(token, outcome(event, Status.SENT, to, today.now(), messageId, null));
        return Result.SENT;
    }

    /** D21: the partner's notifications, newest first; that partner's admin or an operator. */
    public List<Notification> list(Caller caller, String partnerId) {
        access.requireOwnPartnerUnlessOperator(caller, partnerId);
        return notifications.list(partnerId);
    }

    /**
     * D20: a reminder or a lapse is no longer true once the offer's AD moved (renewed, or changed by
     * an operator); a reminder no longer once its window has closed by the day it is delivered (D5:
     * a late sweep event or a redelivery after the window); a lapse no longer once the offer is not
     * lapsed. A receipt stays true.
     */
    private boolean stillTrue(OutboxEvent event, Offer offer) {
        return switch (event.event()) {
            case UPCOMING_ANNIVERSARY, WINDOW_CLOSING -> rules.reminderStillMeansSomething(offer, event.anniversaryDate(), today.date());
            case LAPSED -> offer.anniversaryDate().equals(event.anniversaryDate()) && offer.state().lapsed();
            case RENEWED -> true;
        };
    }

    /** D19: everything the email names, from the offer as it is now and the event's day. */
    Letter letter(OutboxEvent event, Offer offer, Partner partner) {
        Assessment assessment = rules.assess(offer, partner, event.on());
        boolean reminder = event.event().isReminder();
        boolean renewed = event.event() == NotificationEvent.RENEWED;
        LocalDate exemptUntil = renewed ? (event.exemption() == null ? null : event.exemption().until())
                : reminder && assessment.exemption() != null ? assessment.exemption().until() : null;
        boolean pmc = reminder && assessment.blockers().stream().anyMatch(b -> b.code() == BlockerCode.PMC_MIGRATION_REQUIRED);
        Integer daysLeft = reminder ? assessment.daysLeftToRenew() : null;
        boolean windowOpen = reminder && !assessment.window().opensAfter(event.on());
        return new Letter(event.event(), partner.language(), partner.name() == null ? partner.partnerId() : partner.name(),
                offer.name(), offer.area(), event.anniversaryDate(), assessment.window().opens(), assessment.window().closes(),
                daysLeft, windowOpen, offer.renewalFee(), exemptUntil, pmc, renewed ? event.newAnniversaryDate() : null,
                config.consoleUrl().replaceAll("/+$", "") + "/partners/" + offer.partnerId() + "/offers/" + offer.offerId());
    }

    private Result unsent(OutboxEvent event, Status status) {
        boolean recorded = notifications.recordUnsent(outcome(event, status, List.of(), null, null, null));
        LOG.infof("%s: %s", describe(event), recorded ? status : "already decided");
        return recorded ? Result.valueOf(status.name()) : Result.ALREADY_DECIDED;
    }

    private void complete(String token, Notification outcome) {
        if (!notifications.complete(token, outcome)) {
            // Our claim outlived its lease and another delivery took it over: both may have sent (see the ADR).
            LOG.errorf("%s: claim lost before it was completed as %s", outcome.offerId(), outcome.status());
        }
        LOG.infof("%s/%s %s %s: %s", outcome.partnerId(), outcome.offerId(), outcome.event(), outcome.anniversaryDate(),
                outcome.status());
    }

    private Notification outcome(OutboxEvent event, Status status, List<String> to, Instant sentAt, String messageId,
            String reason) {
        return new Notification(event.partnerId(), event.offerId(), event.event(), event.anniversaryDate(), status, to,
                sentAt, messageId, reason, today.now());
    }

    private static String describe(OutboxEvent event) {
        return event.partnerId() + "/" + event.offerId() + " " + event.event() + " " + event.anniversaryDate();
    }
}
