package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the sweep does for one offer on one day: reminders to record, whether to mark it lapsed,
 * and the offer as it will be stored, including when the sweep next has work for it.
 */
public record SweepStep(List<Reminder> remindersToRecord, boolean lapse, Offer after, LocalDate nextDue) {

    public SweepStep {
        remindersToRecord = List.copyOf(remindersToRecord);
    }

    public boolean changesNothing() {
        return remindersToRecord.isEmpty() && !lapse;
    }
}
