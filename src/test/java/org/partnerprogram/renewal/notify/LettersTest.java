package org.partnerprogram.renewal.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partnerprogram.renewal.domain.Language;
import org.partnerprogram.renewal.domain.Money;
import org.partnerprogram.renewal.domain.NotificationEvent;
import org.partnerprogram.renewal.mail.Letter;
import org.partnerprogram.renewal.mail.LetterWriter;

/** D19: every event, in both languages, names everything the partner needs, in subject, text and HTML. */
@QuarkusTest
class LettersTest {

    @Inject
    LetterWriter writer;

    static final String LINK = "https://console.example.com/partners/contoso/offers/cloud-platform";

    static Letter letter(NotificationEvent event, Language language) {
        boolean reminder = event.isReminder();
        boolean renewed = event == NotificationEvent.RENEWED;
        return new Letter(event, language, "Contoso Ltd", "Gold Cloud Platform", "Cloud Platform", LocalDate.parse("2021-03-15"),
                renewed ? LocalDate.parse("2022-03-16") : LocalDate.parse("2021-03-16"),
                renewed ? LocalDate.parse("2022-04-14") : LocalDate.parse("2021-04-14"),
                reminder ? 30 : null, false, new Money(new BigDecimal("4730.00"), "USD"),
                event == NotificationEvent.LAPSED ? null : LocalDate.parse("2022-03-15"), reminder,
                renewed ? LocalDate.parse("2022-03-15") : null, LINK);
    }

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void everyEnglishEmailNamesEveryField(NotificationEvent event) {
        LetterWriter.Written mail = writer.write(letter(event, Language.EN));
        assertThat(mail.subject()).contains("Gold Cloud Platform", "Cloud Platform").doesNotContain("\n");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("Contoso Ltd", "Gold Cloud Platform", "Cloud Platform", "15 March 2021", "USD 4,730.00", LINK);
            if (event == NotificationEvent.RENEWED) {
                assertThat(body).contains("16 March 2022", "14 April 2022", "15 March 2022",
                        "exempt from meeting the requirements until 15 March 2022");
            } else {
                assertThat(body).contains("16 March 2021", "14 April 2021");
            }
            if (event.isReminder()) {
                assertThat(body).contains("Days left to renew", "30",
                        "exempt from meeting the requirements until 15 March 2022", "from PMC (Partner Membership Center) to Partner Center");
            } else {
                assertThat(body).doesNotContain("Days left", "PMC");
            }
        }
        assertThat(mail.html()).contains("<a href=\"" + LINK + "\"").startsWith("<!DOCTYPE html>");
    }

    @ParameterizedTest
    @EnumSource(NotificationEvent.class)
    void everyChineseEmailNamesEveryField(NotificationEvent event) {
        LetterWriter.Written mail = writer.write(letter(event, Language.ZH_CN));
        assertThat(mail.subject()).contains("Gold Cloud Platform（Cloud Platform）").doesNotContain("\n");
        for (String body : new String[] {mail.text(), mail.html()}) {
            assertThat(body).contains("Contoso Ltd", "Gold Cloud Platform", "Cloud Platform", "2021年3月15日", "4,730.00 美元", LINK);
            if (event == NotificationEvent.RENEWED) {
                assertThat(body).contains("2022年3月16日", "2022年4月14日", "新的周年日", "在 2022年3月15日 之前，此项目免于满足相关要求");
            } else {
                assertThat(body).contains("2021年3月16日", "2021年4月14日");
            }
            if (event.isReminder()) {
                assertThat(body).contains("剩余续订天数", "30 天", "在 2022年3月15日 之前，此项目免于满足相关要求",
                        "从 PMC（合作伙伴会员中心）迁移到合作伙伴中心");
            } else {
                assertThat(body).doesNotContain("剩余续订天数", "PMC");
            }
        }
        assertThat(mail.html()).contains("lang=\"zh-CN\"");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anEmailWithNothingOptionalLeavesItOut(Language language) {
        Letter plain = new Letter(NotificationEvent.UPCOMING_ANNIVERSARY, language, "Contoso <Ltd>", "Gold & Silver", "Cloud Platform",
                LocalDate.parse("2021-08-01"), LocalDate.parse("2021-08-02"), LocalDate.parse("2021-08-31"), 1, true,
                new Money(new BigDecimal("0"), "JPY"), null, false, null, LINK);
        LetterWriter.Written mail = writer.write(plain);
        assertThat(mail.text()).doesNotContain("COVID", "PMC").contains(language == Language.EN ? "JPY 0" : "0 日元");
        assertThat(mail.html()).contains("Contoso &lt;Ltd&gt;", "Gold &amp; Silver").doesNotContain("Contoso <Ltd>");
    }

    /** D10: the extension waives the requirements, not the fee; a zero fee needs no payment, so none is "still due". */
    @ParameterizedTest
    @EnumSource(Language.class)
    void aReminderSaysTheFeeIsStillDueOnlyWhenThereIsAFee(Language language) {
        String due = language == Language.EN ? "The renewal fee is still due." : "但仍需支付续订费用";
        Letter paid = letter(NotificationEvent.UPCOMING_ANNIVERSARY, language);
        Letter free = new Letter(paid.event(), language, paid.partnerName(), paid.offerName(), paid.area(), paid.anniversaryDate(),
                paid.windowOpens(), paid.windowCloses(), paid.daysLeft(), paid.windowOpen(), new Money(new BigDecimal("0.00"), "USD"),
                paid.exemptUntil(), paid.pmcMigrationRequired(), paid.newAnniversaryDate(), paid.link());
        assertThat(writer.write(paid).text()).contains(due);
        assertThat(writer.write(paid).html()).contains(due);
        LetterWriter.Written mail = writer.write(free);
        assertThat(mail.text()).doesNotContain(due).contains(language == Language.EN ? "exempt from meeting the requirements" : "免于满足相关要求");
        assertThat(mail.html()).doesNotContain(due);
    }

    /**
     * D5: an upcoming-anniversary reminder a later sweep still sends after the AD (it missed its
     * day) says the AD has passed and the window is open until its last day, not "is" a past date.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void anUpcomingReminderSentAfterTheAdSaysTheWindowIsAlreadyOpen(Language language) {
        Letter onTime = letter(NotificationEvent.UPCOMING_ANNIVERSARY, language);
        Letter late = new Letter(onTime.event(), language, onTime.partnerName(), onTime.offerName(), onTime.area(),
                onTime.anniversaryDate(), onTime.windowOpens(), onTime.windowCloses(), 8, true, onTime.fee(),
                onTime.exemptUntil(), onTime.pmcMigrationRequired(), null, onTime.link());
        String wasAndOpenUntil = language == Language.EN
                ? "was 15 March 2021, and its renewal window is open until 14 April 2021"
                : "的周年日是 2021年3月15日，续订期已经开始，将于 2021年4月14日 结束";
        String isAndRenewDuring = language == Language.EN
                ? "is 15 March 2021. Renew it during its renewal window, 16 March 2021 to 14 April 2021"
                : "的周年日为 2021年3月15日。请在续订期（2021年3月16日 至 2021年4月14日）内完成续订";
        assertThat(writer.write(late).text()).contains(wasAndOpenUntil).doesNotContain(isAndRenewDuring);
        assertThat(writer.write(late).html().replaceAll("</?strong>", "")).contains(wasAndOpenUntil);
        assertThat(writer.write(onTime).text()).contains(isAndRenewDuring).doesNotContain(wasAndOpenUntil);
    }
}
