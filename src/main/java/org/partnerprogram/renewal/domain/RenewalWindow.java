package org.partnerprogram.renewal.domain;

import java.time.LocalDate;

/** The inclusive days on which an offer can be renewed (D1, D2). */
public record RenewalWindow(LocalDate opens, LocalDate closes) {

    /** True once {@code day} is past the last day of the window (D4). */
    public boolean hasClosedBy(LocalDate day) {
        return day.isAfter(closes);
    }

    /** True while {@code day} is before the first day of the window (D1). */
    public boolean opensAfter(LocalDate day) {
        return day.isBefore(opens);
    }

    /**
     * Days left to renew on {@code day}: the days of the window from {@code day} on, {@code day}
     * itself included, on which renewing is still possible (D2). Before the window opens that is
     * the whole window, on its last day 1, once it has closed 0.
     */
    public int daysLeftToRenewOn(LocalDate day) {
        if (hasClosedBy(day)) {
            return 0;
        }
        LocalDate first = opensAfter(day) ? opens : day;
        return Math.toIntExact(closes.toEpochDay() - first.toEpochDay() + 1);
    }
}
