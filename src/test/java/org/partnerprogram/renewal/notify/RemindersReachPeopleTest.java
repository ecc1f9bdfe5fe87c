package org.partnerprogram.renewal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.Tokens;
import org.partnerprogram.renewal.local.LocalMailbox;

/**
 * The whole path (D19, D20): the sweep or a renewal writes its event in the outbox, the table's
 * stream carries it (as the pipe and the bus do in AWS) to the notify handler, and the email
 * lands in the mailbox, in the partner's language.
 */
@QuarkusTest
class RemindersReachPeopleTest extends NotifyTestSupport {

    @Test
    void aSweepOverKDueOffersSendsExactlyKReminderEmails() {
        String partner = newPartner("contoso");
        enrolPartner(partner, true, "en", contact(partner, "ana"));
        int k = 7;
        for (int i = 0; i < k; i++) {
            enrolCompetency(partner, "offer-" + i, "2021-03-15", true);
        }
        enrolCompetency(partner, "not-due-yet", "2021-06-15", true);
        sweep("2021-02-28T00:15:00Z");
        sweep("2021-02-28T00:15:00Z"); // a duplicate Scheduled Event adds nothing
        List<LocalMailbox.Message> mail = awaitMail(partner, m -> m.size() >= k);
        sleep(2_000); // anything doubled would arrive in this time
        awaitNotifications(partner, k);
        mail = mailTo(partner);
        assertThat(mail).hasSize(k);
        assertThat(mail).allMatch(m -> m.subject().startsWith("Renewal reminder:") && m.text().contains("15 March 2021"));
        assertThat(mail.stream().map(m -> m.text().lines().filter(l -> l.startsWith("Open the offer")).findFirst().orElseThrow()))
                .hasSize(k).doesNotHaveDuplicates();
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/notifications", partner).then().statusCode(200)
                .body("notifications.size()", equalTo(k))
                .body("notifications.status", everyItem(equalTo("SENT")));
    }

    @Test
    void aChineseSpeakingPartnerIsRemindedInChineseAndAnEnglishOneInEnglish() {
        String english = newPartner("contoso");
        String chinese = newPartner("fabrikam");
        enrolPartner(english, true, "en", contact(english, "ana"));
        enrolPartner(chinese, false, "zh-CN", contact(chinese, "wang"));
        enrolCompetency(english, "cloud-platform", "2021-03-15", false);
        enrolCompetency(chinese, "cloud-platform", "2021-03-15", false);
        sweep("2021-02-28T00:15:00Z");
        LocalMailbox.Message en = awaitMail(english, m -> m.size() == 1).get(0);
        LocalMailbox.Message zh = awaitMail(chinese, m -> m.size() == 1).get(0);
        assertThat(en.subject()).isEqualTo("Renewal reminder: Gold Cloud Platform (Cloud Platform), anniversary date 15 March 2021");
        assertThat(en.text()).contains("is 15 March 2021. Renew it during its renewal window", "Days left to renew: 30", "exempt from meeting the requirements until 15 March 2022");
        assertThat(zh.subject()).isEqualTo("续订提醒：Gold Cloud Platform（Cloud Platform）的周年日为 2021年3月15日");
        assertThat(zh.text()).contains("剩余续订天数：30 天", "在 2022年3月15日 之前，此项目免于满足相关要求",
                "从 PMC（合作伙伴会员中心）迁移到合作伙伴中心", "4,730.00 美元");
    }

    @Test
    void theWindowClosingReminderCountsTodayAndTheWindowsLastDayAsDaysLeft() {
        String partner = newPartner("contoso");
        enrolPartner(partner, true, "en", contact(partner, "ana"));
        enrolCompetency(partner, "cloud-platform", "2021-03-15", true);
        sweep("2021-04-07T00:15:00Z"); // AD + 23; the missed upcoming reminder goes out the same day (D5)
        List<LocalMailbox.Message> mail = awaitMail(partner, m -> m.size() == 2);
        assertThat(mail).extracting(LocalMailbox.Message::subject).anyMatch(s -> s.startsWith("Last days to renew"));
        assertThat(mail).allMatch(m -> m.text().lines().anyMatch("Days left to renew: 8"::equals),
                "8 days left: 7 April to 14 April, both included");
        assertThat(mail).filteredOn(m -> m.subject().startsWith("Renewal reminder:")).singleElement()
                .satisfies(late -> assertThat(late.text()).contains(
                        "was 15 March 2021, and its renewal window is open until 14 April 2021"));
    }

    @Test
    void aRenewalSendsAReceiptAndTheLapseIsAnnounced() {
        String partner = newPartner("contoso");
        enrolPartner(partner, true, "en", contact(partner, "ana"));
        enrolCompetency(partner, "renewed", "2021-03-15", true);
        enrolCompetency(partner, "forgotten", "2021-03-15", true);
        today("2021-03-20T10:00:00Z");
        renew(partner, "renewed", "k-receipt", payment("4730.00", "USD")).then().statusCode(201);
        LocalMailbox.Message receipt = awaitMail(partner, m -> m.size() == 1).get(0);
        assertThat(receipt.subject()).isEqualTo("Receipt: Gold Cloud Platform (Cloud Platform) is renewed until 15 March 2022");
        assertThat(receipt.text()).contains("Anniversary date renewed: 15 March 2021", "New anniversary date: 15 March 2022",
                "Next renewal window: 16 March 2022 to 14 April 2022", "Renewal fee paid: USD 4,730.00");
        sweep("2021-04-15T00:15:00Z");
        List<LocalMailbox.Message> mail = awaitMail(partner, m -> m.size() == 2);
        assertThat(mail.get(0).subject()).isEqualTo("Gold Cloud Platform (Cloud Platform) has lapsed: it was not renewed by 14 April 2021");
        assertThat(mail.get(0).text()).contains("/partners/" + partner + "/offers/forgotten");
        awaitNotifications(partner, 2);
        as(Tokens.operator()).get("/partners/{p}/notifications", partner).then().statusCode(200)
                .body("notifications.event", contains("LAPSED", "RENEWED"));
    }
}
