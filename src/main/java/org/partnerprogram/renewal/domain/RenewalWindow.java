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
}
