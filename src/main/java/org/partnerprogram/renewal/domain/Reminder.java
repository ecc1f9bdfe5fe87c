package org.partnerprogram.renewal.domain;

import java.time.LocalDate;

/** A reminder for the current AD: when it is due and, once the sweep recorded it, the day it did. */
public record Reminder(ReminderKind kind, LocalDate due, LocalDate sentOn) {
}
