package org.partnerprogram.renewal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What became of one event's email (D21): sent (with the provider's message id), not sent because
 * nobody is listed or it is no longer true, or refused by the provider ({@code reason}).
 */
public record Notification(String partnerId, String offerId, NotificationEvent event, LocalDate anniversaryDate,
        Status status, List<String> to, Instant sentAt, String messageId, String reason, Instant recordedAt) {

    public enum Status {
        SENT,
        NO_CONTACTS,
        OBSOLETE,
        FAILED
    }

    public Notification {
        to = List.copyOf(to);
    }
}
