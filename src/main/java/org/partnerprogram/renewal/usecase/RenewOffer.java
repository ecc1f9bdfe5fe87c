package org.partnerprogram.renewal.usecase;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.domain.Renewal;
import org.partnerprogram.renewal.domain.RenewalDecision;
import org.partnerprogram.renewal.domain.RenewalRules;
import org.partnerprogram.renewal.store.AlreadyRecordedException;
import org.partnerprogram.renewal.store.ConcurrentChangeException;
import org.partnerprogram.renewal.store.IdempotencyStore;
import org.partnerprogram.renewal.store.IdempotencyStore.Claim;
import org.partnerprogram.renewal.store.KeyTakenOverException;
import org.partnerprogram.renewal.store.OfferStore;
import org.partnerprogram.renewal.store.PartnerView;
import org.partnerprogram.renewal.store.StoredOffer;

/**
 * Renews an offer: claim the Idempotency-Key, read the offer, let the rules decide, and commit the
 * renewal, its history record and the stored response in one transaction. A lost race (another
 * renewal, an operator update, the sweep) means reading again and deciding again.
 */
@ApplicationScoped
public class RenewOffer {

    private static final Logger LOG = Logger.getLogger(RenewOffer.class);
    private static final int ATTEMPTS = 5;

    private final OfferStore store;
    private final IdempotencyStore idempotency;
    private final RenewalRules rules;
    private final Access access;
    private final Today today;

    public RenewOffer(OfferStore store, IdempotencyStore idempotency, RenewalRules rules, Access access, Today today) {
        this.store = store;
        this.idempotency = idempotency;
        this.rules = rules;
        this.access = access;
        this.today = today;
    }

    /** A validated renew request; {@code payment} is null when none was sent. */
    public record Command(Caller caller, String partnerId, String offerId, String idempotencyKey, Payment payment,
            String requestId) {
    }

    public Outcome renew(Command command, Outcome.Renderer render) {
        access.requireOwnPartner(command.caller(), command.partnerId());
        String fingerprint = fingerprint(command);
        Claim claim = idempotency.claim(command.partnerId(), command.idempotencyKey(), fingerprint);
        if (claim instanceof Claim.Completed done) {
            requireSameRequest(done.fingerprint(), fingerprint);
            MDC.put("decision", "replayed");
            return new Outcome(done.status(), done.body(), null, true);
        }
        if (claim instanceof Claim.InProgress running) {
            requireSameRequest(running.fingerprint(), fingerprint);
            throw Problem.of(Problem.Kind.REQUEST_IN_PROGRESS, "A request with this Idempotency-Key is still being processed; retry later.");
        }
        Claim.Claimed claimed = (Claim.Claimed) claim;
        try {
            return decideAndCommit(command, claimed, render);
        } catch (RuntimeException e) {
            idempotency.release(claimed);
            throw e;
        }
    }

    private Outcome decideAndCommit(Command command, Claim.Claimed claim, Outcome.Renderer render) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PartnerView view = store.partnerWithOffer(command.partnerId(), command.offerId());
            StoredOffer stored = view.offer(command.offerId()).orElseThrow(Problem::notFound);
            Instant now = today.now();
            LocalDate day = rules.policies().today(now);
            RenewalDecision decision = rules.decide(stored.offer(), view.partnerOr(command.partnerId()), command.payment(), day);
            if (decision instanceof RenewalDecision.Approved approved) {
                Renewal renewal = renewal(command, approved, day, now);
                Outcome outcome = render.renewed(renewal);
                Offer after = stored.offer().renewedTo(approved.newAnniversaryDate(),
                        approved.exemption() == null ? null : approved.exemption().until());
                try {
                    store.commitRenewal(stored, after, rules.nextDue(after), renewal,
                            idempotency.completionInTransaction(claim, outcome.status(), outcome.body()), now);
                    logDecision("renewed", approved.policy().id());
                    return outcome;
                } catch (ConcurrentChangeException e) {
                    LOG.debugf("renewal of %s/%s raced (attempt %d): %s", command.partnerId(), command.offerId(), attempt, e.getMessage());
                    continue;
                } catch (KeyTakenOverException e) {
                    throw keyTakenOver();
                } catch (AlreadyRecordedException e) {
                    return refuse(claim, render.problem(alreadyRenewed(stored.offer())), approved.policy().id());
                }
            }
            return refuse(claim, render.problem(refusal(decision)),
                    rules.policies().governing(stored.offer().anniversaryDate()).id());
        }
        throw Problem.of(Problem.Kind.SERVICE_UNAVAILABLE, "The offer kept changing while renewing; retry with the same Idempotency-Key.");
    }

    /** Stores a refusal for replay (D16) and answers it. */
    private Outcome refuse(Claim.Claimed claim, Outcome outcome, String policy) {
        try {
            idempotency.complete(claim, outcome.status(), outcome.body());
        } catch (KeyTakenOverException e) {
            throw keyTakenOver();
        }
        logDecision(outcome.code(), policy);
        return outcome;
    }

    /** This request outlived its lock and a retry took the key over: that one answers. */
    private static Problem keyTakenOver() {
        return Problem.of(Problem.Kind.REQUEST_IN_PROGRESS, "A request with this Idempotency-Key is still being processed; retry later.");
    }

    /**
     * The history already holds a renewal of this AD: an operator set the offer back to an AD that
     * was renewed. One renewal per (offer, AD); renewing it again needs the operator to correct the AD.
     */
    private static Problem alreadyRenewed(Offer offer) {
        return Problem.of(Problem.Kind.OFFER_CHANGED, ("The anniversary %s of this offer was already renewed; an operator has"
                + " since set the offer back to it. Ask the operator to correct the anniversary date.").formatted(offer.anniversaryDate()));
    }

    private static void logDecision(String decision, String policy) {
        MDC.put("decision", decision);
        MDC.put("policy", policy);
        LOG.infof("renewal decision: %s under %s", decision, policy);
    }

    private static Problem refusal(RenewalDecision decision) {
        if (decision instanceof RenewalDecision.Refused refused) {
            return Problem.refused(refused.blockers());
        }
        RenewalDecision.PaymentRequired required = (RenewalDecision.PaymentRequired) decision;
        return Problem.of(Problem.Kind.PAYMENT_REQUIRED, "The renewal fee of %s %s must be paid: send a payment."
                .formatted(required.fee().amountText(), required.fee().currency()));
    }

    private static Renewal renewal(Command command, RenewalDecision.Approved approved, LocalDate day, Instant now) {
        return new Renewal(UUID.randomUUID().toString(), command.partnerId(), command.offerId(),
                approved.previousAnniversaryDate(), approved.newAnniversaryDate(), day, approved.exemption(),
                command.payment(), approved.policy().id(),
                new Renewal.Audit(command.caller().subject(), now, command.requestId()));
    }

    /** D16: the same key must come with the same request (offer and payment, amounts compared numerically). */
    private static void requireSameRequest(String stored, String fingerprint) {
        if (!fingerprint.equals(stored)) {
            throw Problem.of(Problem.Kind.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key.");
        }
    }

    static String fingerprint(Command command) {
        Payment payment = command.payment();
        String request = command.offerId() + "\n" + (payment == null ? "no payment"
                : payment.reference() + "\n" + normalized(payment.money().amount()) + "\n" + payment.money().currency());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String normalized(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
