package org.partnerprogram.renewal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.Tokens;
import org.partnerprogram.renewal.local.LocalMailbox;

/**
 * Two years of one offer, told in order as its partner lives them: reminded before the
 * anniversary, refused on the anniversary itself, renewed inside the window (a receipt, and no
 * window-closing reminder for the anniversary renewed), reminded again a year on, reminded that
 * the window is closing, and lapsed. Each step goes through the API, the scheduled sweep and the
 * mailbox, as people meet them, on the day it happens (the service's clock, by which the emails are
 * delivered, and the sweep's event agree); dates are explicit (D1, D2, D3, D4, D5, D19, D20, D21).
 */
@QuarkusTest
class APartnersYearTest extends NotifyTestSupport {

    String partner;

    @Test
    void anOfferIsRemindedRenewedRemindedAgainAndLapsesWhenNobodyRenewsIt() {
        partner = newPartner("year");
        enrolPartner(partner, true, "en", contact(partner, "ana"));
        enrolCompetency(partner, "cloud-platform", "2022-06-15", true); // after the COVID-19 extension: no exemption

        // 31 May 2022, AD - 15: the sweep sends the upcoming-anniversary reminder (D5).
        today("2022-05-31T00:15:00Z");
        sweep("2022-05-31T00:15:00Z");
        assertThat(newestMail(1)).isEqualTo("Renewal reminder: Gold Cloud Platform (Cloud Platform), anniversary date 15 June 2022");
        offerAsOf("2022-05-31").body("status", equalTo("ACTIVE")).body("renewable", equalTo(false))
                .body("renewalWindow.opens", equalTo("2022-06-16")).body("renewalWindow.closes", equalTo("2022-07-15"))
                .body("reminders.sentOn", contains("2022-05-31", null));

        // 15 June 2022, the AD itself: not yet renewable (D1).
        today("2022-06-15T10:00:00Z");
        renew(partner, "cloud-platform", "on-the-ad", payment("4730.00", "USD")).then().statusCode(409)
                .body("code", equalTo("renewal-window-not-open"));

        // 20 June 2022, inside the window: renewed, the new AD is the old one + 365 days (D3), a receipt is sent.
        today("2022-06-20T10:00:00Z");
        offerAsOf("2022-06-20").body("status", equalTo("IN_RENEWAL_WINDOW")).body("benefitsActive", equalTo(true))
                .body("renewable", equalTo(true));
        renew(partner, "cloud-platform", "in-the-window", payment("4730.00", "USD")).then().statusCode(201)
                .body("previousAnniversaryDate", equalTo("2022-06-15")).body("newAnniversaryDate", equalTo("2023-06-15"))
                .body("renewedOn", equalTo("2022-06-20")).body("exemption", nullValue());
        assertThat(newestMail(2)).isEqualTo("Receipt: Gold Cloud Platform (Cloud Platform) is renewed until 15 June 2023");

        // 8 July 2022, the old AD + 23: renewing cancelled what was left for that AD (D5); nothing is sent.
        today("2022-07-08T00:15:00Z");
        sweep("2022-07-08T00:15:00Z");
        sleep(2_000); // what the stream would deliver by now
        assertThat(mailTo(partner)).hasSize(2);

        // 31 May 2023: the new AD - 15, reminded again.
        today("2023-05-31T00:15:00Z");
        sweep("2023-05-31T00:15:00Z");
        assertThat(newestMail(3)).isEqualTo("Renewal reminder: Gold Cloud Platform (Cloud Platform), anniversary date 15 June 2023");

        // 8 July 2023, AD + 23, not renewed: the window-closing reminder (D5).
        today("2023-07-08T00:15:00Z");
        sweep("2023-07-08T00:15:00Z");
        assertThat(newestMail(4)).isEqualTo(
                "Last days to renew Gold Cloud Platform (Cloud Platform): the renewal window closes on 15 July 2023");

        // 16 July 2023, the day after the window's last: lapsed, announced, and no longer renewable (D4).
        today("2023-07-16T00:15:00Z");
        sweep("2023-07-16T00:15:00Z");
        assertThat(newestMail(5)).isEqualTo("Gold Cloud Platform (Cloud Platform) has lapsed: it was not renewed by 15 July 2023");
        offerAsOf("2023-07-16").body("status", equalTo("LAPSED")).body("benefitsActive", equalTo(false));
        today("2023-07-16T10:00:00Z");
        renew(partner, "cloud-platform", "too-late", payment("4730.00", "USD")).then().statusCode(409)
                .body("code", equalTo("renewal-window-closed"));

        // What the partner can read of it all: one renewal, and every email, newest first (D21).
        offerAsOf("2023-07-16").body("anniversaryDate", equalTo("2023-06-15"));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(200).body("renewals", hasSize(1));
        awaitNotifications(partner, 5);
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/notifications", partner).then().statusCode(200)
                .body("notifications.event", contains("LAPSED", "WINDOW_CLOSING", "UPCOMING_ANNIVERSARY", "RENEWED",
                        "UPCOMING_ANNIVERSARY"))
                .body("notifications.anniversaryDate", contains("2023-06-15", "2023-06-15", "2023-06-15", "2022-06-15",
                        "2022-06-15"))
                .body("notifications.status", everyItem(equalTo("SENT")));
    }

    /** The subject of the partner's newest email, once it has this many. */
    String newestMail(int count) {
        List<LocalMailbox.Message> mail = awaitMail(partner, m -> m.size() >= count);
        assertThat(mail).as("emails to %s", partner).hasSize(count);
        return mail.get(0).subject();
    }

    ValidatableResponse offerAsOf(String date) {
        return as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}?asOf=" + date, partner, "cloud-platform")
                .then().statusCode(200);
    }
}
