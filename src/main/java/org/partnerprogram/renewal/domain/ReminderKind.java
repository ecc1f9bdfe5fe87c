package org.partnerprogram.renewal.domain;

/** The two reminders of D5; their offsets from the AD are policy data. */
public enum ReminderKind {
    UPCOMING_ANNIVERSARY,
    WINDOW_CLOSING
}
