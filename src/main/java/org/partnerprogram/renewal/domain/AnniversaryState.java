package org.partnerprogram.renewal.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What has happened to an offer for its current anniversary date: the reminders recorded (and
 * the day each was), the lapse mark, and the exemption the last renewal granted. D5 and D17 hold
 * per (offer, AD): the reminder and lapse records in the table are the source of truth, and this
 * value is their copy on the offer, rebuilt from them whenever the AD changes.
 *
 * @param remindersSent the day each reminder for this AD was recorded
 * @param lapsedOn the day the sweep marked this AD lapsed (D4, D12), or null
 * @param exemptUntil D9: the AD until which the requirements are waived, or null
 */
public record AnniversaryState(Map<ReminderKind, LocalDate> remindersSent, LocalDate lapsedOn, LocalDate exemptUntil) {

    /** Nothing recorded, no exemption. */
    public static final AnniversaryState NONE = new AnniversaryState(Map.of(), null, null);

    public AnniversaryState {
        remindersSent = remindersSent.isEmpty() ? Map.of() : Map.copyOf(remindersSent);
    }

    /** What the table records for one AD: its reminders and lapse, no exemption (that is the offer's). */
    public static AnniversaryState recorded(Map<ReminderKind, LocalDate> reminders, LocalDate lapsedOn) {
        return new AnniversaryState(reminders, lapsedOn, null);
    }

    /** The day {@code kind} was recorded for this AD, or null. */
    public LocalDate sentOn(ReminderKind kind) {
        return remindersSent.get(kind);
    }

    public boolean lapsed() {
        return lapsedOn != null;
    }

    public AnniversaryState withReminderSent(ReminderKind kind, LocalDate on) {
        Map<ReminderKind, LocalDate> sent = new EnumMap<>(ReminderKind.class);
        sent.putAll(remindersSent);
        sent.put(kind, on);
        return new AnniversaryState(sent, lapsedOn, exemptUntil);
    }

    public AnniversaryState lapsedOn(LocalDate on) {
        return new AnniversaryState(remindersSent, on, exemptUntil);
    }

    /**
     * D17: the offer moved to another AD. What was recorded for that AD (nothing, for an AD the
     * offer never had) becomes the state; the exemption stays with the offer.
     */
    public AnniversaryState movedTo(AnniversaryState recordedForNewAnniversary) {
        return new AnniversaryState(recordedForNewAnniversary.remindersSent, recordedForNewAnniversary.lapsedOn,
                exemptUntil);
    }

    /** D3, D9: renewed to a new AD: nothing recorded for it yet, the new exemption (or none). */
    public static AnniversaryState renewed(LocalDate exemptUntil) {
        return new AnniversaryState(Map.of(), null, exemptUntil);
    }

    /**
     * This state with {@code records} (what the table holds for the same AD) folded in: a record
     * that exists wins over a copy that forgot it, with the day the record carries.
     */
    public AnniversaryState including(AnniversaryState records) {
        Map<ReminderKind, LocalDate> sent = new EnumMap<>(ReminderKind.class);
        sent.putAll(remindersSent);
        sent.putAll(records.remindersSent);
        return new AnniversaryState(sent, records.lapsedOn != null ? records.lapsedOn : lapsedOn, exemptUntil);
    }
}
