package org.partnerprogram.renewal.mail;

import java.time.LocalDate;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.NotificationEvent;

/**
 * What one email says (D19), before it is written in a language: the partner, the offer, the AD,
 * the window, the days left (reminders), the fee, the exemption and the PMC notice when they apply,
 * and the link to the offer in the console. For a receipt, the window is the next one, of the new AD.
 *
 * @param daysLeft days left to renew on the event's day (D2; reminders; null otherwise)
 * @param windowOpen the window had opened by the event's day: a reminder sent late, after the AD (D5)
 * @param exemptUntil the day the exemption ends, or null when none applies
 * @param newAnniversaryDate the AD a renewal moved to (receipts; null otherwise)
 */
public record Letter(NotificationEvent event, Language language, String partnerName, String offerName, String area,
        LocalDate anniversaryDate, LocalDate windowOpens, LocalDate windowCloses, Integer daysLeft, boolean windowOpen, Money fee,
        LocalDate exemptUntil, boolean pmcMigrationRequired, LocalDate newAnniversaryDate, String link) {
}
