package org.partnerprogram.renewal.store;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.renewal.domain.Exemption;
import org.partnerprogram.renewal.domain.NotificationEvent;

/**
 * One event of the outbox as the table's stream carries it (D19): which offer, which event, for
 * which AD, and the day it happened. A renewal also carries its new AD and exemption (the receipt).
 *
 * @param on the day the sweep recorded the reminder or the lapse, or the renewal's day
 */
public record OutboxEvent(String partnerId, String offerId, NotificationEvent event, LocalDate anniversaryDate,
        LocalDate on, LocalDate newAnniversaryDate, Exemption exemption) {

    /**
     * The event in a stream record's new image (its string attributes by name), or empty when the
     * item is not an outbox row. A malformed outbox row fails loudly: it is a bug, not input.
     */
    public static Optional<OutboxEvent> fromImage(Map<String, String> image) {
        String entity = image.get(Table.ENTITY);
        if (!Table.OUTBOX_ENTITIES.contains(entity)) {
            return Optional.empty();
        }
        String partnerId = required(image, Table.PARTNER_ID);
        String offerId = required(image, Table.OFFER_ID);
        if (Table.RENEWAL_ENTITY.equals(entity)) {
            String program = image.get(Table.EXEMPTION_PROGRAM);
            return Optional.of(new OutboxEvent(partnerId, offerId, NotificationEvent.RENEWED,
                    date(image, Table.PREVIOUS_AD), date(image, Table.RENEWED_ON), date(image, Table.NEW_AD),
                    program == null ? null : new Exemption(program, date(image, Table.EXEMPT_UNTIL))));
        }
        NotificationEvent event = Table.LAPSE_ENTITY.equals(entity) ? NotificationEvent.LAPSED
                : NotificationEvent.valueOf(required(image, Table.KIND));
        return Optional.of(new OutboxEvent(partnerId, offerId, event, date(image, Table.ANNIVERSARY_DATE),
                date(image, Table.RECORDED_ON), null, null));
    }

    private static String required(Map<String, String> image, String name) {
        String value = image.get(name);
        if (value == null) {
            throw new IllegalArgumentException("outbox record without " + name);
        }
        return value;
    }

    private static LocalDate date(Map<String, String> image, String name) {
        return LocalDate.parse(required(image, name));
    }
}
