package org.partnerprogram.renewal.store;

import static org.partnerprogram.renewal.store.Attributes.bool;
import static org.partnerprogram.renewal.store.Attributes.date;
import static org.partnerprogram.renewal.store.Attributes.item;
import static org.partnerprogram.renewal.store.Attributes.n;
import static org.partnerprogram.renewal.store.Attributes.s;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.partnerprogram.renewal.domain.AnniversaryState;
import org.partnerprogram.renewal.domain.Exemption;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.Offer;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.Partner;
import org.partnerprogram.renewal.domain.Payment;
import org.partnerprogram.renewal.domain.Reminder;
import org.partnerprogram.renewal.domain.ReminderKind;
import org.partnerprogram.renewal.domain.Renewal;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps domain values to items and back, following {@link Table}. */
final class OfferItems {

    private OfferItems() {
    }

    static Map<String, AttributeValue> partner(Partner partner, Instant now) {
        return item()
                .s(Table.PK, Table.partnerKey(partner.partnerId())).s(Table.SK, Table.PROFILE)
                .s(Table.ENTITY, Table.PARTNER_ENTITY)
                .s(Table.PARTNER_ID, partner.partnerId()).s(Table.NAME, partner.name())
                .bool(Table.MIGRATED, partner.migratedToPartnerCenter())
                .s(Table.UPDATED_AT, now)
                .build();
    }

    static Partner partner(Map<String, AttributeValue> item) {
        return new Partner(s(item, Table.PARTNER_ID), s(item, Table.NAME), bool(item, Table.MIGRATED));
    }

    /** The offer item; {@code nextDue} null leaves it out of the sparse due-work index. */
    static Map<String, AttributeValue> offer(Offer offer, long version, LocalDate nextDue, int dueShards, Instant now) {
        Map<String, AttributeValue> sent = new HashMap<>();
        AnniversaryState state = offer.state();
        state.remindersSent().forEach((kind, on) -> sent.put(kind.name(), AttributeValue.fromS(on.toString())));
        Attributes.Item item = item()
                .s(Table.PK, Table.partnerKey(offer.partnerId())).s(Table.SK, Table.offerSortKey(offer.offerId()))
                .s(Table.ENTITY, Table.OFFER_ENTITY)
                .s(Table.PARTNER_ID, offer.partnerId()).s(Table.OFFER_ID, offer.offerId())
                .s(Table.TYPE, offer.type()).s(Table.NAME, offer.name()).s(Table.AREA, offer.area())
                .s(Table.ANNIVERSARY_DATE, offer.anniversaryDate())
                .bool(Table.REQUIREMENTS_MET, offer.requirementsMet())
                .s(Table.FEE_AMOUNT, offer.renewalFee().amountText()).s(Table.FEE_CURRENCY, offer.renewalFee().currency())
                .map(Table.REMINDERS_SENT, sent)
                .s(Table.LAPSED_ON, state.lapsedOn()).s(Table.EXEMPT_UNTIL, state.exemptUntil())
                .n(Table.VERSION, version)
                .s(Table.UPDATED_AT, now);
        if (nextDue != null) {
            item.s(Table.DUE_SHARD, Table.dueShard(shardOf(offer, dueShards))).s(Table.DUE_AT, nextDue);
        }
        return item.build();
    }

    static StoredOffer offer(Map<String, AttributeValue> item) {
        Map<ReminderKind, LocalDate> sent = new EnumMap<>(ReminderKind.class);
        AttributeValue sentMap = item.get(Table.REMINDERS_SENT);
        if (sentMap != null && sentMap.hasM()) {
            sentMap.m().forEach((kind, on) -> sent.put(ReminderKind.valueOf(kind), LocalDate.parse(on.s())));
        }
        Offer offer = new Offer(
                s(item, Table.PARTNER_ID), s(item, Table.OFFER_ID), OfferType.valueOf(s(item, Table.TYPE)),
                s(item, Table.NAME), s(item, Table.AREA), date(item, Table.ANNIVERSARY_DATE),
                bool(item, Table.REQUIREMENTS_MET),
                new Money(new BigDecimal(s(item, Table.FEE_AMOUNT)), s(item, Table.FEE_CURRENCY)),
                new AnniversaryState(sent, date(item, Table.LAPSED_ON), date(item, Table.EXEMPT_UNTIL)));
        return new StoredOffer(offer, n(item, Table.VERSION));
    }

    static int shardOf(Offer offer, int dueShards) {
        return Table.dueShardOf(offer.partnerId(), offer.offerId(), dueShards);
    }

    static Map<String, AttributeValue> renewal(Renewal renewal) {
        Attributes.Item item = item()
                .s(Table.PK, Table.offerKey(renewal.partnerId(), renewal.offerId()))
                .s(Table.SK, Table.renewalSortKey(renewal.previousAnniversaryDate()))
                .s(Table.ENTITY, Table.RENEWAL_ENTITY)
                .s(Table.RENEWAL_ID, renewal.renewalId())
                .s(Table.PARTNER_ID, renewal.partnerId()).s(Table.OFFER_ID, renewal.offerId())
                .s(Table.PREVIOUS_AD, renewal.previousAnniversaryDate()).s(Table.NEW_AD, renewal.newAnniversaryDate())
                .s(Table.RENEWED_ON, renewal.renewedOn())
                .s(Table.POLICY, renewal.policy())
                .s(Table.RENEWED_BY, renewal.audit().renewedBy())
                .s(Table.RENEWED_AT, renewal.audit().renewedAt())
                .s(Table.REQUEST_ID, renewal.audit().requestId());
        if (renewal.exemption() != null) {
            item.s(Table.EXEMPTION_PROGRAM, renewal.exemption().program()).s(Table.EXEMPT_UNTIL, renewal.exemption().until());
        }
        if (renewal.payment() != null) {
            item.s(Table.PAYMENT_REFERENCE, renewal.payment().reference())
                    .s(Table.PAYMENT_AMOUNT, renewal.payment().money().amountText())
                    .s(Table.PAYMENT_CURRENCY, renewal.payment().money().currency());
        }
        return item.build();
    }

    static Renewal renewal(Map<String, AttributeValue> item) {
        String program = s(item, Table.EXEMPTION_PROGRAM);
        String reference = s(item, Table.PAYMENT_REFERENCE);
        return new Renewal(
                s(item, Table.RENEWAL_ID), s(item, Table.PARTNER_ID), s(item, Table.OFFER_ID),
                date(item, Table.PREVIOUS_AD), date(item, Table.NEW_AD), date(item, Table.RENEWED_ON),
                program == null ? null : new Exemption(program, date(item, Table.EXEMPT_UNTIL)),
                reference == null ? null : new Payment(reference,
                        new Money(new BigDecimal(s(item, Table.PAYMENT_AMOUNT)), s(item, Table.PAYMENT_CURRENCY))),
                s(item, Table.POLICY),
                new Renewal.Audit(s(item, Table.RENEWED_BY), Instant.parse(s(item, Table.RENEWED_AT)), s(item, Table.REQUEST_ID)));
    }

    /** A reminder record: the outbox row the table's stream delivers to the event bus. */
    static Map<String, AttributeValue> reminder(Offer offer, Reminder reminder, Instant now) {
        return item()
                .s(Table.PK, Table.offerKey(offer.partnerId(), offer.offerId()))
                .s(Table.SK, Table.reminderSortKey(offer.anniversaryDate(), reminder.kind().name()))
                .s(Table.ENTITY, Table.REMINDER_ENTITY)
                .s(Table.PARTNER_ID, offer.partnerId()).s(Table.OFFER_ID, offer.offerId())
                .s(Table.NAME, offer.name())
                .s(Table.KIND, reminder.kind()).s(Table.ANNIVERSARY_DATE, offer.anniversaryDate())
                .s(Table.DUE, reminder.due()).s(Table.RECORDED_ON, reminder.sentOn()).s(Table.RECORDED_AT, now)
                .build();
    }

    /** The lapse record: the sweep marked this (offer, AD) lapsed, at most once (D4, D5 per AD). */
    static Map<String, AttributeValue> lapse(Offer offer, LocalDate on, Instant now) {
        return item()
                .s(Table.PK, Table.offerKey(offer.partnerId(), offer.offerId()))
                .s(Table.SK, Table.lapseSortKey(offer.anniversaryDate()))
                .s(Table.ENTITY, Table.LAPSE_ENTITY)
                .s(Table.PARTNER_ID, offer.partnerId()).s(Table.OFFER_ID, offer.offerId())
                .s(Table.NAME, offer.name())
                .s(Table.ANNIVERSARY_DATE, offer.anniversaryDate())
                .s(Table.RECORDED_ON, on).s(Table.RECORDED_AT, now)
                .build();
    }

    /** What the reminder and lapse records of one AD say, as the offer's state for that AD. */
    static AnniversaryState recorded(Iterable<Map<String, AttributeValue>> records) {
        Map<ReminderKind, LocalDate> reminders = new EnumMap<>(ReminderKind.class);
        LocalDate lapsedOn = null;
        for (Map<String, AttributeValue> record : records) {
            if (Table.REMINDER_ENTITY.equals(s(record, Table.ENTITY))) {
                reminders.put(ReminderKind.valueOf(s(record, Table.KIND)), date(record, Table.RECORDED_ON));
            } else if (Table.LAPSE_ENTITY.equals(s(record, Table.ENTITY))) {
                lapsedOn = date(record, Table.RECORDED_ON);
            }
        }
        return AnniversaryState.recorded(reminders, lapsedOn);
    }
}
