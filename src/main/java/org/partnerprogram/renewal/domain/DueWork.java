package org.partnerprogram.renewal.domain;

import java.time.LocalDate;

/**
 * D23: one piece of work the sweep has for an offer's current AD and the day it falls due: a
 * reminder (D5) not recorded yet, or the lapse the day after the window (D4).
 */
public record DueWork(Kind work, LocalDate dueAt) {

    /** In the order the sweep meets them for one AD. */
    public enum Kind {
        UPCOMING_ANNIVERSARY,
        WINDOW_CLOSING,
        LAPSE;

        static Kind of(ReminderKind reminder) {
            return valueOf(reminder.name());
        }
    }
}
