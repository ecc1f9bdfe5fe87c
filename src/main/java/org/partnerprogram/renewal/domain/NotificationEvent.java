package org.partnerprogram.renewal.domain;

/**
 * What a partner is emailed about (D19): the two reminders of D5, the lapse and the renewal
 * receipt. Each is emailed at most once per offer and AD (D20).
 */
public enum NotificationEvent {
    UPCOMING_ANNIVERSARY,
    WINDOW_CLOSING,
    LAPSED,
    RENEWED;

    public boolean isReminder() {
        return this == UPCOMING_ANNIVERSARY || this == WINDOW_CLOSING;
    }
}
