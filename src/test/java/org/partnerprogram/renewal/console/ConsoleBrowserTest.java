package org.partnerprogram.renewal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.partnerprogram.renewal.api.Tokens;

/**
 * The console in a real browser (headless Chromium) against the local run with its demo data:
 * the page's flow for a partner admin (Competencies, the exemption notice, Membership offers,
 * renew, history), in English and Chinese, and an operator's. Screenshots: target/screenshots/.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleBrowserTest extends BrowserTestSupport {

    @BeforeEach
    void freshTab() {
        today("2021-03-20T10:00:00Z");
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        Browser.consoleErrors(browser); // what earlier tests left in the log
    }

    @AfterEach
    void thePagesVisitedLogNoErrors() {
        assertThat(Browser.consoleErrors(browser)).as("errors in the browser's console").isEmpty();
    }

    void signInAs(String persona) {
        visible(By.cssSelector("button[data-persona='" + persona + "']")).click();
    }

    void signInWithToken(String token) {
        visible(By.id("token")).sendKeys(token);
        browser.findElement(By.id("token-sign-in")).click();
    }

    /** Picks a language in the menu, as a person does (even the one shown: the choice is then kept). */
    void language(String value) {
        browser.executeScript("const menu = document.getElementById('language'); menu.value = arguments[0];"
                + " menu.dispatchEvent(new Event('change'));", value);
    }

    /** A fresh partner of this test, with one offer like contoso's cloud-platform. */
    String partnerWithExemptOffer(String requirementsMetFee) {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-15", false, requirementsMetFee);
        return partner;
    }

    /**
     * A fresh partner's exempt cloud-platform with this fee, opened by a deep link (as the emails
     * send; fragment such as "#renew" or "") in a language picked first (null: none picked), then
     * signed in as the partner's admin: the offer's page is shown. Answers the partner.
     */
    String openAFreshExemptOffer(String fee, String fragment, String pickedLanguage) {
        String partner = partnerWithExemptOffer(fee);
        open("/partners/" + partner + "/offers/cloud-platform" + fragment);
        if (pickedLanguage != null) {
            language(pickedLanguage);
        }
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Gold Cloud Platform");
        return partner;
    }

    @Test
    void contosoRenewsItsExemptCloudPlatformAndSeesTheNewAnniversaryInTheHistory() {
        open("/");
        heading("Sign in");
        Browser.screenshot(browser, "console-01-sign-in-personas");
        signInAs("contoso");
        heading("Competencies");
        WebElement row = visible(By.xpath("//tr[.//a[@data-offer='cloud-platform']]"));
        assertThat(row.getText()).contains("Gold Cloud Platform", "In renewal window", "15 March 2021", "26 days left",
                "Not complete — exempt until 15 March 2022");
        assertThat(browser.findElement(By.xpath("//tr[.//a[@data-offer='cloud-business-apps']]")).getText()).contains("Not complete");
        Browser.screenshot(browser, "console-02-competencies-contoso");

        row.findElement(By.linkText("Gold Cloud Platform")).click();
        heading("Gold Cloud Platform");
        WebElement exemption = visible(By.cssSelector(".notice.exemption"));
        assertThat(exemption.getText()).contains("You have been given an exemption",
                "COVID-19 extension: this offer is exempt from meeting the requirements until 15 March 2022. The renewal fee is still due.")
                .doesNotContain("covid-19-2021h1");
        assertThat(exemption.findElement(By.tagName("time")).getAttribute("datetime")).isEqualTo("2022-03-15");
        assertThat(browser.findElement(By.id("renew-fee")).getText()).isEqualTo("USD 4,730.00");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Not renewed yet.");
        Browser.screenshot(browser, "console-03-offer-exemption-notice");

        browser.findElement(By.id("payment-reference")).sendKeys("PAY-2021-0042");
        browser.findElement(By.id("renew-button")).click();
        assertThat(visible(By.id("renewed")).getText()).isEqualTo("Renewed. The new anniversary date is 15 March 2022.");
        WebElement history = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history tbody tr")));
        assertThat(history.getText()).contains("20 March 2021", "15 March 2021", "15 March 2022", "USD 4,730.00", "PAY-2021-0042");
        assertThat(browser.findElement(By.id("anniversary-date")).getText()).isEqualTo("15 March 2022");
        String renewalId = as(Tokens.partnerAdmin("contoso")).get("/partners/{p}/offers/{o}/renewals", "contoso", "cloud-platform")
                .then().statusCode(200).extract().path("renewals[0].renewalId");
        assertThat(history.findElement(By.cssSelector("td[data-label='Renewal']")).getText()).isEqualTo(renewalId);
        assertThat(history.findElement(By.cssSelector("td[data-label='Exempt until']")).getText()).isEqualTo("15 March 2022");
        Browser.screenshot(browser, "console-04-renewed-confirmation-and-history");
    }

    /** D5 on the offer's page: each reminder of the AD, the day it is due and the day the sweep recorded it, or not yet. */
    @Test
    void theOfferPageShowsEachReminderWhenItIsDueAndWhenTheSweepRecordedIt() {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        enrolOffer(partner, "reminded", "COMPETENCY", "Cloud Platform", "2029-06-20", true, "1670.00"); // a year no other test uses
        sweep("2029-06-05T00:15:00Z"); // AD - 15: the upcoming-anniversary reminder
        today("2029-06-25T10:00:00Z");
        open("/partners/" + partner + "/offers/reminded");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Gold Cloud Platform");
        List<WebElement> rows = browser.findElements(By.cssSelector("#reminders tbody tr"));
        assertThat(rows).extracting(row -> row.findElement(By.cssSelector("td[data-label='Reminder']")).getText() + " | "
                + row.findElement(By.cssSelector("td[data-label='Due']")).getText() + " | "
                + row.findElement(By.cssSelector("td[data-label='Recorded on']")).getText())
                .containsExactly("Upcoming anniversary | 5 June 2029 | 5 June 2029", "Window closing | 13 July 2029 | Not yet");
        browser.executeScript("document.getElementById('reminders').scrollIntoView()");
        Browser.screenshot(browser, "console-offer-reminders");
        language("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("reminders-title"), "提醒")); // the page drawn again in Chinese
        assertThat(visible(By.cssSelector("#reminders")).getText()).contains("提醒", "即将到周年日", "2029年6月5日", "续订即将截止",
                "2029年7月13日", "尚未记录");
        visible(By.cssSelector("#reminders a")).click();
        heading("通知");
    }

    /** The text of an offer's cell (its column's label, e.g. Requirements, in the page's language) in the Competencies list. */
    String requirementsOf(String offerId, String label) {
        return visible(By.xpath("//tr[.//a[@data-offer='" + offerId + "']]/td[@data-label='" + label + "']")).getText();
    }

    @Test
    void anOfferWhoseRequirementsAreMetIsMarkedCompleteEvenWhenTheExtensionCoversIt() {
        String partner = partnerWithExemptOffer("4730.00"); // cloud-platform: not met, waived by the extension
        enrolOffer(partner, "data-analytics", "COMPETENCY", "Data Analytics", "2021-05-01", true, "1670.00");
        enrolOffer(partner, "cloud-business-apps", "COMPETENCY", "Cloud Business Applications", "2021-03-10", false, "4730.00");
        open("/");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Competencies");
        assertThat(requirementsOf("data-analytics", "Requirements")).isEqualTo("Complete");
        assertThat(requirementsOf("cloud-platform", "Requirements")).isEqualTo("Not complete — exempt until 15 March 2022");
        assertThat(requirementsOf("cloud-business-apps", "Requirements")).isEqualTo("Not complete");

        browser.findElement(By.cssSelector("a[data-offer='data-analytics']")).click();
        heading("Gold Data Analytics");
        assertThat(browser.findElement(By.xpath("//dl[@id='offer-summary']/dt[.='Requirements']/following-sibling::dd[1]"))
                .getText()).isEqualTo("Complete");
        // D13: the exemption notice still comes with the offer, in its own place in the flow.
        assertThat(visible(By.cssSelector(".notice.exemption")).getText()).contains("until 1 May 2022");
    }

    @Test
    void anOfferNotCompleteThatCannotUseTheExemptionYetIsMarkedNotComplete() {
        String partner = newPartner("browser");
        enrolPartner(partner, false); // still on PMC: the extension does not apply yet
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-12", false, "4730.00");
        enrolOffer(partner, "modern-work", "COMPETENCY", "Modern Work", "2021-03-18", true, "1670.00");
        open("/");
        language("zh-CN");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("能力");
        assertThat(requirementsOf("cloud-platform", "要求")).isEqualTo("未完成");
        assertThat(requirementsOf("modern-work", "要求")).isEqualTo("已完成");
    }

    @Test
    void aCountOfOneDayIsSingularInEnglish() {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        enrolOffer(partner, "opens-tomorrow", "COMPETENCY", "Opens Tomorrow", "2021-03-20", true, "100.00"); // opens 21 March
        enrolOffer(partner, "opens-later", "COMPETENCY", "Opens Later", "2021-03-21", true, "100.00");
        enrolOffer(partner, "last-day", "COMPETENCY", "Last Day", "2021-02-18", true, "100.00"); // closes today, 20 March
        open("/");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Competencies");
        assertThat(requirementsOf("opens-tomorrow", "Days left")).isEqualTo("Opens in 1 day");
        assertThat(requirementsOf("opens-later", "Days left")).isEqualTo("Opens in 2 days");
        assertThat(requirementsOf("last-day", "Days left")).isEqualTo("1 day left");
        language("zh-CN");
        heading("能力");
        assertThat(requirementsOf("opens-tomorrow", "剩余天数")).isEqualTo("1 天后开放");
        assertThat(requirementsOf("last-day", "剩余天数")).isEqualTo("剩余 1 天");
    }

    @Test
    void aDoubleClickOnRenewRenewsOnceAndAnEmptyReferenceIsCaughtInTheBrowser() {
        String partner = openAFreshExemptOffer("1670.00", "", null);

        browser.findElement(By.id("renew-button")).click();
        // An empty reference is caught in the browser: said next to the field, which takes the focus.
        assertThat(visible(By.id("payment-reference-error")).getText()).isEqualTo("Enter the payment reference.");
        assertThat(browser.findElement(By.id("payment-reference")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(activeId()).isEqualTo("payment-reference");
        assertThat(browser.findElements(By.cssSelector(".problem"))).isEmpty();

        browser.findElement(By.id("payment-reference")).sendKeys("PAY-DOUBLE-1");
        new Actions(browser).doubleClick(browser.findElement(By.id("renew-button"))).perform();
        assertThat(visible(By.id("renewed")).getText()).contains("15 March 2022");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#history tbody tr")));
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(200).body("renewals", hasSize(1));
        assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(1);
    }

    @Test
    void afterALostAnswerTheKeyboardIsBackOnRenewAndPressingItAgainRenewsOnce() {
        String partner = openAFreshExemptOffer("1670.00", "", null);
        // The service renews, but its answer is lost on the way back (as a dropped connection would).
        browser.executeScript("const real = window.fetch; let lost = false;"
                + " window.fetch = async (url, init) => { const answer = await real(url, init);"
                + " if (!lost && init?.method === 'POST') { lost = true; throw new TypeError('connection lost'); } return answer; };");
        browser.findElement(By.id("payment-reference")).sendKeys("PAY-LOST-1");
        browser.findElement(By.id("renew-button")).click();
        assertThat(visible(By.cssSelector("#renew-result .problem")).getText()).contains("could not be reached");
        wait.until(d -> "renew-button".equals(activeId()));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(visible(By.id("renewed")).getText()).contains("15 March 2022");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("This renewal had already been made");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then()
                .statusCode(200).body("renewals", hasSize(1));
    }

    @Test
    void fabrikamSeesThePmcMigrationNoticeAndWhatToDo() {
        open("/");
        language("en"); // chosen in the menu: fabrikam's own language (Chinese) is not imposed
        signInAs("fabrikam");
        heading("Competencies");
        // Keyboard only: focus the offer's link and press Enter.
        WebElement link = visible(By.cssSelector("a[data-offer='cloud-platform']"));
        browser.executeScript("arguments[0].focus()", link);
        link.sendKeys(Keys.ENTER);
        heading("Gold Cloud Platform");
        WebElement blocker = visible(By.cssSelector("li[data-code='pmc-migration-required']"));
        assertThat(blocker.getText()).contains("moved from PMC (Partner Membership Center) to Partner Center");
        // The exemption is only a prospect here: a warning, not the green notice the blocker contradicts.
        assertThat(browser.findElements(By.cssSelector(".notice.exemption"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".notice.warning.exemption-pending")).getText())
                .contains("would be exempt from meeting the requirements until", "once the membership has moved from PMC to Partner Center");
        assertThat(browser.findElements(By.id("renew-button"))).isEmpty();
        // Said once, by the list of blockers: no second notice repeats that it cannot be renewed.
        assertThat(browser.findElement(By.tagName("main")).getText()).containsOnlyOnce("Not renewable now:")
                .doesNotContain("cannot be renewed now");
        Browser.screenshot(browser, "console-05-fabrikam-pmc-migration-notice");
        blocker.findElement(By.cssSelector("a.pmc-link")).click();
        heading("Moving your membership from PMC to Partner Center");
        assertThat(browser.findElement(By.linkText("Back to your competencies")).getAttribute("href"))
                .isEqualTo(console() + "/partners/fabrikam/offers");
        // The page's partner only names where an operator came from: a partner admin goes back to its own.
        open("/help/pmc-migration?partner=contoso");
        assertThat(visible(By.linkText("Back to your competencies")).getAttribute("href"))
                .isEqualTo(console() + "/partners/fabrikam/offers");
        browser.findElement(By.id("sign-out")).click();
        open("/help/pmc-migration?partner=fabrikam");
        signInAs("operator");
        assertThat(visible(By.linkText("Back to the competencies of fabrikam")).getAttribute("href"))
                .isEqualTo(console() + "/partners/fabrikam/offers");
    }

    @Test
    void theChineseConsoleShowsTheSameFlow() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/");
        language("zh-CN");
        heading("登录");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("能力");
        WebElement row = visible(By.xpath("//tr[.//a[@data-offer='cloud-platform']]"));
        assertThat(row.getText()).contains("续订期内", "2021年3月15日", "剩余 26 天", "未完成（豁免至 2022年3月15日）");
        row.findElement(By.cssSelector("a[data-offer='cloud-platform']")).click();
        heading("Gold Cloud Platform");
        assertThat(visible(By.cssSelector(".notice.exemption")).getText()).contains("你已获得豁免",
                "COVID-19 延期政策：在 2022年3月15日 之前，此项目免于满足相关要求，但仍需支付续订费用。");
        assertThat(browser.findElement(By.id("renew-fee")).getText()).isEqualTo("4,730.00 美元");
        assertThat(browser.findElement(By.cssSelector("#renew-form .fee, .fee")).getText()).isEqualTo("续订费用：4,730.00 美元");
        browser.findElement(By.id("payment-reference")).sendKeys("PAY-ZH-1");
        browser.findElement(By.id("renew-button")).click();
        assertThat(visible(By.id("renewed")).getText()).isEqualTo("已续订。新的周年日为 2022年3月15日。");
        assertThat(visible(By.cssSelector("#history tbody tr")).getText()).contains("2022年3月15日", "PAY-ZH-1");
        Browser.screenshot(browser, "console-06-zh-CN-renewed");
    }

    @Test
    void anOperatorEnrolsAnOfferAndSeesItInTheDueOverview() {
        open("/");
        signInAs("operator");
        heading("Open a partner");
        visible(By.id("open-partner-id")).sendKeys("northwind", Keys.ENTER);
        heading("Northwind Traders (northwind)");
        assertThat(browser.findElement(By.id("partner-name")).getAttribute("value")).isEqualTo("Northwind Traders");
        browser.findElement(By.id("enrol-offer-id")).sendKeys("azure-ai");
        browser.findElement(By.id("enrol-name")).sendKeys("Gold AI on Azure");
        browser.findElement(By.id("enrol-area")).sendKeys("Data Analytics");
        setDate("enrol-anniversary-date", "2021-04-05");
        browser.findElement(By.id("enrol-fee-amount")).sendKeys("4730.00");
        browser.findElement(By.cssSelector("#enrol-offer button[type=submit]")).click();
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Offer saved.");

        browser.findElement(By.linkText("Due overview")).click();
        heading("Due overview");
        WebElement opened = visible(By.cssSelector("#due-results table")); // shown on open, drawn again by Show
        setDate("due-from", "2021-03-20");
        setDate("due-to", "2021-04-19");
        browser.findElement(By.id("due-show")).click();
        wait.until(ExpectedConditions.stalenessOf(opened));
        WebElement item = visible(By.xpath("//table//tr[.//a[normalize-space()='Gold AI on Azure']]"));
        assertThat(item.getText()).contains("21 March 2021", "Upcoming anniversary", "northwind", "5 April 2021");
        List<String> days = browser.findElements(By.cssSelector("#due-results tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(days).isNotEmpty().first().isEqualTo("21 March 2021");
        assertThat(browser.findElement(By.id("due-results")).getText()).doesNotContain("null");
        Browser.screenshot(browser, "console-07-operator-due-overview");
    }

    @Test
    void anOperatorAddsAContact() {
        open("/");
        signInAs("operator");
        visible(By.id("open-partner-id")).sendKeys("fabrikam", Keys.ENTER);
        heading("Fabrikam Inc (fabrikam)");
        // The demo partner already has a contact: the new one is the row added last.
        int row = browser.findElements(By.cssSelector("input[id^='contact-email-']")).size();
        browser.findElement(By.id("add-contact")).click();
        visible(By.id("contact-email-" + row)).sendKeys("renewals@fabrikam.example");
        browser.findElement(By.id("contact-name-" + row)).sendKeys("Renewals desk");
        browser.findElement(By.id("save-partner")).click();
        assertThat(visible(By.id("saved-contacts")).getText()).contains("wang.fang@fabrikam.example", "renewals@fabrikam.example");
        as(Tokens.operator()).get("/partners/{p}", "fabrikam").then().statusCode(200)
                .body("contacts.email", org.hamcrest.Matchers.hasItem("renewals@fabrikam.example"));
        Browser.screenshot(browser, "console-08-operator-contact-added");
    }

    /** A fresh partner of this test, moved to Partner Center, with these contacts' addresses. */
    String partnerWithContacts(String... emails) {
        String partner = newPartner("browser");
        setContacts(partner, emails);
        return partner;
    }

    /** An operator saves the partner, moved to Partner Center, with these contacts' addresses. */
    void setContacts(String partner, String... emails) {
        String contacts = Arrays.stream(emails).map(e -> "{\"email\":\"" + e + "\"}")
                .collect(Collectors.joining(","));
        as(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + partner + " Ltd\",\"migratedToPartnerCenter\":true,\"contacts\":[" + contacts + "]}")
                .put("/partners/{p}", partner).then().statusCode(200);
    }

    /** The legends of the partner form's contact rows and the accessible names of their inputs. */
    List<String> contactLegends() {
        return visible(By.id("contacts")).findElements(By.cssSelector("fieldset.contact > legend")).stream()
                .map(WebElement::getText).toList();
    }

    List<String> contactInputNames() {
        return browser.findElements(By.cssSelector("#contacts input")).stream().map(WebElement::getAccessibleName).toList();
    }

    @Test
    void eachContactRowIsNumberedSoEveryInputHasItsOwnLabel() {
        String partner = partnerWithContacts("ana@contacts.example", "bo@contacts.example");
        open("/");
        signInAs("operator");
        visible(By.id("open-partner-id")).sendKeys(partner, Keys.ENTER);
        heading(partner + " Ltd (" + partner + ")");
        assertThat(contactLegends()).containsExactly("Contact 1", "Contact 2");
        assertThat(contactInputNames()).containsExactly("Email of contact 1", "Name of contact 1",
                "Email of contact 2", "Name of contact 2");

        language("zh-CN");
        visible(By.xpath("//fieldset[@class='contact']/legend[normalize-space()='联系人 1']"));
        assertThat(contactLegends()).containsExactly("联系人 1", "联系人 2");
        assertThat(contactInputNames()).doesNotHaveDuplicates().hasSize(4).allMatch(name -> name.contains("联系人"));
    }

    @Test
    void switchingLanguageKeepsWhatWasTypedIntoTheForm() {
        String partner = partnerWithContacts("ana@contacts.example", "bo@contacts.example");
        open("/partners/" + partner);
        signInWithToken(Tokens.operator());
        heading(partner + " Ltd (" + partner + ")");
        WebElement name = browser.findElement(By.id("partner-name"));
        name.clear();
        name.sendKeys("Renamed Ltd");
        browser.findElement(By.id("partner-migrated")).click();
        removeContact(1);
        browser.findElement(By.id("add-contact")).click();
        browser.findElement(By.id("contact-email-1")).sendKeys("cy@contacts.example");
        browser.findElement(By.id("enrol-offer-id")).sendKeys("data-analytics");

        language("zh-CN");
        visible(By.xpath("//fieldset[@class='contact']/legend[normalize-space()='联系人 1']"));
        wait.until(d -> "Renamed Ltd".equals(d.findElement(By.id("partner-name")).getAttribute("value")));
        assertThat(browser.findElement(By.id("partner-migrated")).isSelected()).as("unticked before the switch").isFalse();
        assertThat(contactLegends()).containsExactly("联系人 1", "联系人 2");
        assertThat(browser.findElement(By.id("contact-email-0")).getAttribute("value")).isEqualTo("bo@contacts.example");
        assertThat(browser.findElement(By.id("contact-email-1")).getAttribute("value")).isEqualTo("cy@contacts.example");
        assertThat(browser.findElement(By.id("enrol-offer-id")).getAttribute("value")).isEqualTo("data-analytics");
        assertThat(activeId()).as("the focus is not left in the contacts").doesNotStartWith("contact-");
    }

    /** Presses a contact row's Remove button; answers the value of the input that then has the focus. */
    String removeContact(int n) {
        browser.findElement(By.xpath("//button[normalize-space()='Remove contact " + n + "']")).click();
        return (String) browser.executeScript("return document.activeElement.value ?? ''");
    }

    @Test
    void removingAContactKeepsTheFocusInTheContacts() {
        String partner = partnerWithContacts("ana@contacts.example", "bo@contacts.example", "cy@contacts.example");
        open("/partners/" + partner);
        signInWithToken(Tokens.operator());
        heading(partner + " Ltd (" + partner + ")");
        assertThat(removeContact(2)).as("the next row's first input").isEqualTo("cy@contacts.example");
        assertThat(activeId()).isEqualTo("contact-email-1");
        assertThat(removeContact(2)).as("the last row removed: the previous row's").isEqualTo("ana@contacts.example");
        assertThat(activeId()).isEqualTo("contact-email-0");
        removeContact(1);
        assertThat(activeId()).as("no row left: Add a contact").isEqualTo("add-contact");
        assertThat(browser.findElements(By.cssSelector("#contacts fieldset.contact"))).isEmpty();
    }

    @Test
    void aPartnerAdminSeesItsNotifications() {
        open("/");
        signInAs("contoso");
        heading("Competencies");
        browser.findElement(By.linkText("Notifications")).click();
        heading("Notifications");
        assertThat(browser.findElements(By.cssSelector("main .problem"))).isEmpty();
    }

    @Test
    void theNotificationsNameEachOfferAsTheCompetenciesDo() throws InterruptedException {
        String partner = partnerWithExemptOffer("4730.00"); // no contacts: the receipt is recorded NO_CONTACTS (D20)
        renew(partner, "cloud-platform", "notified-1", payment("4730.00", "USD")).then().statusCode(201);
        awaitNotifications(partner, 1);
        open("/partners/" + partner + "/notifications");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Notifications");
        assertThat(visible(By.cssSelector("main a[data-offer='cloud-platform']")).getText()).isEqualTo("Gold Cloud Platform");
    }

    @Test
    void anEmailSentWhileTheNotificationsAreOpenShowsUpWithoutAReload() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/partners/" + partner + "/notifications");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Notifications");
        assertThat(visible(By.id("notification-list")).getText()).isEqualTo("No notifications yet.");
        browser.executeScript("document.getElementById('notification-list').dataset.drawnOnce = 'true'");
        renew(partner, "cloud-platform", "while-open", payment("4730.00", "USD")).then().statusCode(201);
        assertThat(visible(By.cssSelector("#notification-list a[data-offer='cloud-platform']")).getText())
                .isEqualTo("Gold Cloud Platform");
        assertThat(browser.findElement(By.id("notification-list")).getAttribute("data-drawn-once"))
                .as("the same page, not loaded again").isEqualTo("true");
    }

    String sentAtOf(String offerId, String label) {
        return visible(By.xpath("//tr[.//a[@data-offer='" + offerId + "']]/td[@data-label='" + label + "']")).getText();
    }

    @Test
    void aNotificationsTimeIsWrittenAsTheEmailsWriteDatesWithTheTimeInUtc() throws InterruptedException {
        String partner = partnerWithExemptOffer("4730.00"); // no contacts yet: nothing is sent (NO_CONTACTS, sentAt null)
        enrolOffer(partner, "modern-work", "COMPETENCY", "Modern Work", "2021-03-18", true, "1670.00");
        renew(partner, "cloud-platform", "unsent-1", payment("4730.00", "USD")).then().statusCode(201);
        awaitNotifications(partner, 1);
        setContacts(partner, "a@sent.example");
        renew(partner, "modern-work", "sent-1", payment("1670.00", "USD")).then().statusCode(201); // sent at 2021-03-20T10:00:00Z
        awaitNotifications(partner, 2);
        // The browser's zone is not the service's: the time is still written in UTC, as the emails' dates are.
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Shanghai"));
        try {
            open("/partners/" + partner + "/notifications");
            signInWithToken(Tokens.partnerAdmin(partner));
            heading("Notifications");
            assertThat(sentAtOf("modern-work", "Sent")).isEqualTo("20 March 2021, 10:00 UTC");
            assertThat(sentAtOf("cloud-platform", "Sent")).isEqualTo("Not sent");
            language("zh-CN");
            heading("通知");
            assertThat(sentAtOf("modern-work", "发送时间")).isEqualTo("2021年3月20日 10:00 UTC");
            assertThat(sentAtOf("cloud-platform", "发送时间")).isEqualTo("未发送");
        } finally {
            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void theCompetenciesFitAPhoneScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/");
        signInAs("northwind");
        heading("Competencies");
        visible(By.cssSelector("a[data-offer='data-platform']"));
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("horizontal scrolling at phone width").isLessThanOrEqualTo(0L);
        Browser.screenshot(browser, "console-09-phone-width-competencies");
    }

    @Test
    void aRefusalShowsOnlyItsDetail() {
        String partner = openAFreshExemptOffer("0.00", "", null); // no fee: the page asks for no payment
        // Meanwhile an operator sets a fee: the renewal without a payment is refused (402).
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-15", false, "500.00");
        browser.findElement(By.id("renew-button")).click();
        WebElement problem = visible(By.cssSelector(".problem[data-code='payment-required']"));
        assertThat(problem.getText()).doesNotContain("null");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("null");
    }

    String activeId() {
        return (String) browser.executeScript("return document.activeElement.id");
    }

    @Test
    void aRefusalRedrawsTheOfferAsItNowStandsWithTheProblemOnTop() {
        String partner = openAFreshExemptOffer("500.00", "#renew", null);
        assertThat(activeId()).as("#renew focuses the payment reference").isEqualTo("payment-reference");
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-15", false, "600.00");
        browser.findElement(By.id("payment-reference")).sendKeys("PAY-OLD-FEE");
        browser.findElement(By.id("renew-button")).click();
        WebElement problem = visible(By.cssSelector("main > .problem[data-code='payment-mismatch']"));
        assertThat(problem.getText()).contains("The payment of USD 500.00 does not match the renewal fee of USD 600.00.");
        assertThat(browser.findElement(By.id("renew-fee")).getText()).isEqualTo("USD 600.00");
        assertThat(browser.findElement(By.id("offer-summary")).getText()).contains("USD 600.00");
        assertThat((Boolean) browser.executeScript("return document.activeElement === arguments[0]", problem)).isTrue();
    }

    @Test
    void aRefusalInTheChineseConsoleIsInChinese() {
        String partner = openAFreshExemptOffer("0.00", "", "zh-CN");
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-15", false, "500.00");
        browser.findElement(By.id("renew-button")).click();
        WebElement problem = visible(By.cssSelector("main > .problem[data-code='payment-required']"));
        assertThat(problem.getText()).contains("请求被拒绝", "必须支付续订费用 500.00 美元").doesNotContain("payment");
        // The page now asks for the payment the new fee needs.
        assertThat(browser.findElement(By.id("renew-fee")).getText()).isEqualTo("500.00 美元");
        browser.findElement(By.id("renew-button")).click();
        assertThat(visible(By.id("payment-reference-error")).getText()).isEqualTo("请填写付款参考号。");
    }

    @Test
    void membershipOffersIsWhereTheFeeIsPaid() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Competencies");
        browser.findElement(By.cssSelector("a[data-offer='cloud-platform']")).click();
        heading("Gold Cloud Platform");
        browser.findElement(By.linkText("Membership offers")).click();
        heading("Membership offers");
        WebElement row = visible(By.xpath("//tr[.//a[@data-offer='cloud-platform']]"));
        assertThat(row.getText()).contains("15 March 2021", "16 March 2021", "14 April 2021", "USD 4,730.00");
        row.findElement(By.cssSelector("a[data-renew='cloud-platform']")).click();
        heading("Membership offers");
        assertThat(browser.getCurrentUrl()).endsWith("/partners/" + partner + "/membership?offer=cloud-platform");
        assertThat(visible(By.cssSelector("#membership-offer .notice.exemption")).getText()).contains("until 15 March 2022");
        assertThat(outline()).containsExactly("h1 Membership offers", "h2 Gold Cloud Platform", "h3 You have been given an exemption");
        assertThat(browser.findElement(By.id("renew")).getAccessibleName()).isEqualTo("Gold Cloud Platform");
        assertThat(activeId()).isEqualTo("payment-reference");
        browser.findElement(By.id("payment-reference")).sendKeys("PAY-MEMBERSHIP-1");
        browser.findElement(By.id("renew-button")).click();
        WebElement renewed = visible(By.id("renewed"));
        assertThat(renewed.getText()).isEqualTo("Renewed. The new anniversary date is 15 March 2022.");
        assertThat((Boolean) browser.executeScript("return arguments[0].parentElement === document.activeElement", renewed))
                .as("the confirmation has the focus").isTrue();
        assertThat(visible(By.xpath("//tr[.//a[@data-offer='cloud-platform']]")).getText()).contains("15 March 2022");
    }

    /** The page's headings in order, each as its level and text ("h2 Gold Cloud Platform"). */
    List<String> outline() {
        return browser.findElements(By.cssSelector("main :is(h1, h2, h3, h4, h5, h6)")).stream()
                .map(e -> e.getTagName() + " " + e.getText()).toList();
    }

    @Test
    void membershipOffersSaysWhyAnOfferCannotBeRenewedInsteadOfAFormThatCanOnlyFail() {
        String partner = newPartner("browser");
        enrolPartner(partner, false); // still on PMC: the exemption does not apply yet
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-12", false, "4730.00");
        open("/partners/" + partner + "/membership?offer=cloud-platform");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Membership offers");
        WebElement offer = visible(By.id("membership-offer"));
        assertThat(offer.findElement(By.cssSelector("li[data-code='pmc-migration-required']")).getText()).startsWith(
                "The exemption applies only once your membership has moved from PMC (Partner Membership Center) to Partner Center.");
        assertThat(offer.findElements(By.cssSelector("form, input, button"))).as("no pay form").isEmpty();
        assertThat(outline()).containsExactly("h1 Membership offers", "h2 Gold Cloud Platform",
                "h3 An exemption once you have moved to Partner Center", "h3 Not renewable now:");
    }

    @Test
    void aPartnerStillOnPmcIsToldTheExemptionWaitsForTheMoveEvenWithItsRequirementsMet() {
        String partner = newPartner("browser");
        enrolPartner(partner, false);
        enrolOffer(partner, "modern-work", "COMPETENCY", "Modern Work", "2021-03-18", true, "1670.00");
        open("/partners/" + partner + "/offers/modern-work");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Gold Modern Work");
        assertThat(browser.findElements(By.cssSelector(".notice.exemption"))).as("no exemption said to be given").isEmpty();
        assertThat(visible(By.cssSelector(".notice.exemption-pending")).getText()).contains(
                "An exemption once you have moved to Partner Center",
                "would be exempt from meeting the requirements until 18 March 2022 once the membership has moved",
                "The renewal fee is still due.");
        visible(By.id("payment-reference")); // its requirements are met: renewable without moving (D8)

        browser.findElement(By.id("sign-out")).click();
        open("/partners/" + partner + "/offers/modern-work");
        signInAs("operator");
        assertThat(visible(By.cssSelector(".notice.exemption-pending h2")).getText())
                .isEqualTo("Exempt once the membership has moved to Partner Center");
    }

    @Test
    void anOperatorReadsTheExemptionAboutThePartnerNotAddressedToThem() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/partners/" + partner + "/offers/cloud-platform");
        signInAs("operator");
        assertThat(visible(By.cssSelector(".notice.exemption h2")).getText()).isEqualTo("Exempt from meeting the requirements");
    }

    @Test
    void anOperatorReadsThePmcBlockerAboutThePartnerAndIsLedToWhereTheMoveIsMarked() {
        String partner = newPartner("browser");
        enrolPartner(partner, false); // still on PMC
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-12", false, "4730.00");
        open("/partners/" + partner + "/offers/cloud-platform");
        signInAs("operator");
        WebElement blocker = visible(By.cssSelector("li[data-code='pmc-migration-required']"));
        assertThat(blocker.getText()).startsWith("The exemption applies only once the partner's membership has moved from PMC")
                .doesNotContain("your");
        blocker.findElement(By.cssSelector("a.pmc-link")).click();
        heading("Moving a partner's membership from PMC to Partner Center");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("tick “Moved from PMC to Partner Center” on the partner's page")
                .doesNotContain("Ask your partner program operator");
        visible(By.id("pmc-partner")).click();
        heading(partner + " Ltd (" + partner + ")");
        assertThat(browser.findElement(By.id("partner-migrated")).isSelected()).isFalse();
    }

    @Test
    void anIdInTheAddressThatCannotBeOneIsNotFoundWithoutAskingTheService() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/partners/" + partner + "/offers/BAD%20ID");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Not found");
        assertThat(visible(By.id("not-found-back")).getText()).isEqualTo("Back to your competencies");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("offerId");
        assertThat(browser.executeScript("return performance.getEntriesByType('resource')"
                + ".filter((e) => e.name.includes('BAD')).length")).as("requests naming the id").isEqualTo(0L);
    }

    @Test
    void membershipOffersSaysSoWhenThePartnerHasNoOffers() {
        String partner = newPartner("browser");
        open("/partners/" + partner + "/membership");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Membership offers");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No offers yet.");
        assertThat(browser.findElements(By.cssSelector("main table"))).isEmpty();
    }

    @Test
    void aPmcBlockerInTheMembershipListLinksToWhatToDo() {
        String partner = newPartner("browser");
        enrolPartner(partner, false);
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-03-12", false, "4730.00");
        open("/partners/" + partner + "/membership");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Membership offers");
        visible(By.cssSelector("td a.pmc-link")).click();
        heading("Moving your membership from PMC to Partner Center");
    }

    @Test
    void theRenewLinkOfAZeroFeeOfferPutsTheKeyboardOnRenew() {
        String partner = partnerWithExemptOffer("0.00");
        open("/partners/" + partner + "/offers/cloud-platform#renew");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Gold Cloud Platform");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("renew-button");
    }

    @Test
    void membershipOffersSaysSoWhenTheOfferAskedForIsUnknown() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/partners/" + partner + "/membership?offer=no-such-offer");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Membership offers");
        assertThat(visible(By.id("membership-unknown")).getText()).isEqualTo("There is no offer no-such-offer for this partner.");
        assertThat(browser.findElements(By.id("membership-offer"))).isEmpty();
        language("zh-CN");
        heading("会员产品");
        assertThat(visible(By.id("membership-unknown")).getText()).isEqualTo("该合作伙伴没有产品 no-such-offer。");
    }

    @Test
    void aPageNotFoundSaysSoOnceAndLeadsBackToTheOwnCompetencies() {
        open("/partners/contoso/offers/no-such-offer");
        signInAs("contoso");
        heading("Not found");
        String unknownOffer = browser.findElement(By.tagName("main")).getText();
        assertThat(unknownOffer).doesNotContain("refused");
        assertThat(unknownOffer.split("There is no such partner or offer\\.", -1)).as("said once").hasSize(2);
        assertThat(browser.getTitle()).isEqualTo("Not found · Partner renewals");
        // Another partner's pages, enrolled or not, read the same: nothing tells whether it exists.
        open("/partners/fabrikam/offers/cloud-platform");
        heading("Not found");
        assertThat(browser.findElement(By.tagName("main")).getText()).isEqualTo(unknownOffer);
        open("/partners/no-such-partner/offers");
        heading("Not found");
        assertThat(browser.findElement(By.tagName("main")).getText()).isEqualTo(unknownOffer);

        language("zh-CN");
        heading("未找到");
        assertThat(browser.getTitle()).isEqualTo("未找到 · 合作伙伴续订");
        browser.findElement(By.linkText("返回你的能力")).click();
        heading("能力");
        assertThat(browser.getCurrentUrl()).endsWith("/partners/contoso/offers");
    }

    @Test
    void aLapsedOfferShowsNoExemptionAsItCanNoLongerBeRenewed() {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        // AD 2021-02-10 is covered by the extension (D13), but its window closed on 12 March: lapsed on 20 March (D4).
        enrolOffer(partner, "cloud-platform", "COMPETENCY", "Cloud Platform", "2021-02-10", false, "4730.00");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("LAPSED")).body("exemption", org.hamcrest.Matchers.notNullValue());
        open("/");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("Competencies");
        assertThat(requirementsOf("cloud-platform", "Requirements")).isEqualTo("Not complete");
        browser.findElement(By.cssSelector("a[data-offer='cloud-platform']")).click();
        heading("Gold Cloud Platform");
        visible(By.cssSelector("li[data-code='renewal-window-closed']"));
        assertThat(browser.findElements(By.cssSelector(".notice.exemption, .exemption-pending"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("exemption", "still due");
        assertThat(browser.findElement(By.xpath("//dl[@id='offer-summary']/dt[.='Requirements']/following-sibling::dd[1]"))
                .getText()).isEqualTo("Not complete");
        open("/partners/" + partner + "/membership?offer=cloud-platform");
        heading("Membership offers");
        assertThat(visible(By.id("membership-offer")).findElements(By.cssSelector(".notice.exemption"))).isEmpty();
    }

    @Test
    void theExemptionNoticeSaysTheFeeIsStillDueOnlyWhenThereIsOne() {
        openAFreshExemptOffer("0.00", "", null);
        assertThat(visible(By.cssSelector(".notice.exemption")).getText())
                .contains("COVID-19 extension: this offer is exempt from meeting the requirements until 15 March 2022. No renewal fee is due.")
                .doesNotContain("still due");
    }

    @Test
    void aZeroFeeOfferRenewsFromMembershipOffersWithoutAPayment() {
        String partner = partnerWithExemptOffer("0.00");
        open("/partners/" + partner + "/membership?offer=cloud-platform");
        language("zh-CN");
        signInWithToken(Tokens.partnerAdmin(partner));
        heading("会员产品");
        assertThat(visible(By.cssSelector("#membership-offer .notice.exemption")).getText())
                .contains("在 2022年3月15日 之前，此项目免于满足相关要求，且无需支付续订费用。").doesNotContain("仍需");
        WebElement form = browser.findElement(By.id("renew"));
        assertThat(form.getText()).contains("此产品无需付费。");
        assertThat(form.findElements(By.tagName("input"))).as("no payment reference asked for").isEmpty();
        browser.findElement(By.id("renew-button")).click();
        assertThat(visible(By.id("renewed")).getText()).isEqualTo("已续订。新的周年日为 2022年3月15日。");
        as(Tokens.partnerAdmin(partner)).get("/partners/{p}/offers/{o}/renewals", partner, "cloud-platform").then().statusCode(200)
                .body("renewals", hasSize(1)).body("renewals[0].payment", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anOperatorsEditKeepsTheOffersRequirementsMet() {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        enrolOffer(partner, "data-analytics", "COMPETENCY", "Data Analytics", "2021-05-01", true, "1670.00");
        open("/");
        signInAs("operator");
        visible(By.id("open-partner-id")).sendKeys(partner, Keys.ENTER);
        visible(By.cssSelector("a[data-offer='data-analytics']")).click();
        heading(ofPartner("Gold Data Analytics", partner));
        WebElement met = visible(By.id("edit-requirements-met"));
        assertThat(met.isSelected()).as("Requirements met, as stored").isTrue();
        WebElement name = browser.findElement(By.id("edit-name"));
        name.clear();
        name.sendKeys("Data Analytics Gold");
        browser.findElement(By.cssSelector("#edit-offer button[type=submit]")).click();
        visible(By.cssSelector("main > .notice.success"));
        as(Tokens.operator()).get("/partners/{p}/offers/{o}", partner, "data-analytics").then().statusCode(200)
                .body("requirementsMet", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void aPartnerAdminWhoNeverChoseALanguageGetsThePartners() {
        open("/");
        heading("Sign in");
        signInAs("fabrikam"); // the demo partner's language is zh-CN
        heading("能力");
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("zh-CN");
    }

    @Test
    void withNoChoiceStoredTheBrowsersLanguageIsUsed() {
        String userAgent = (String) browser.executeScript("return navigator.userAgent");
        browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "zh-TW,en"));
        try {
            open("/");
            heading("登录");
        } finally {
            browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", "en-US"));
        }
    }

    @Test
    void theDueOverviewOpensOnTheServicesTodayForThirtyDays() {
        open("/");
        signInAs("operator");
        heading("Open a partner");
        browser.findElement(By.linkText("Due overview")).click();
        heading("Due overview");
        assertThat(browser.findElement(By.id("due-from")).getAttribute("value")).isEqualTo("2021-03-20");
        assertThat(browser.findElement(By.id("due-to")).getAttribute("value")).isEqualTo("2021-04-19");
        assertThat(visible(By.cssSelector("#due-results tbody tr")).getText()).isNotEmpty();
    }

    @Test
    void openAPartnerTrimsTheIdAndSaysWhatIsWrongWithAnInvalidOne() {
        open("/");
        signInAs("operator");
        heading("Open a partner");
        visible(By.id("open-partner-id")).sendKeys(" fabrikam ", Keys.ENTER);
        heading("Fabrikam Inc (fabrikam)");

        browser.navigate().back();
        language("zh-CN");
        heading("打开合作伙伴");
        visible(By.id("open-partner-id")).sendKeys(Keys.ENTER);
        refusedInTheBrowser("open-partner-id", "请填写合作伙伴 ID。");
        browser.findElement(By.id("open-partner-id")).sendKeys(" fabrikam inc ", Keys.ENTER);
        refusedInTheBrowser("open-partner-id", "合作伙伴 ID 只能包含字母、数字、“.”、“_”和“-”（最多 128 个），且须以字母或数字开头。");
        assertThat(browser.findElements(By.id("open-partner-id-error"))).as("said once").hasSize(1);
        heading("打开合作伙伴");
    }

    @Test
    void anOperatorOpensAPartnersCompetenciesAndNotifications() {
        open("/");
        signInAs("operator");
        visible(By.id("open-partner-id")).sendKeys("fabrikam", Keys.ENTER);
        heading("Fabrikam Inc (fabrikam)");
        browser.findElement(By.cssSelector("#partner-links")).findElement(By.linkText("Competencies")).click();
        heading("Competencies — Fabrikam Inc (fabrikam)");
        visible(By.cssSelector("a[data-offer='cloud-platform']"));
        browser.navigate().back();
        heading("Fabrikam Inc (fabrikam)");
        visible(By.cssSelector("#partner-links")).findElement(By.linkText("Notifications")).click();
        heading("Notifications — Fabrikam Inc (fabrikam)");
        assertThat(browser.findElements(By.cssSelector("main .problem"))).isEmpty();
    }

    /** The main menu's links marked as the page shown. */
    List<String> currentInMenu() {
        return browser.findElements(By.cssSelector("#nav a[aria-current='page']")).stream().map(WebElement::getText).toList();
    }

    @Test
    void theMainMenuMarksThePageShown() {
        open("/");
        signInAs("contoso");
        heading("Competencies");
        assertThat(currentInMenu()).containsExactly("Competencies");
        WebElement current = browser.findElement(By.cssSelector("#nav a[aria-current='page']"));
        WebElement other = browser.findElement(By.linkText("Membership offers"));
        assertThat(current.getCssValue("font-weight")).as("visibly marked").isNotEqualTo(other.getCssValue("font-weight"));
        other.click();
        heading("Membership offers");
        assertThat(currentInMenu()).containsExactly("Membership offers");
        visible(By.cssSelector("a[data-offer='cloud-platform']")).click();
        heading("Gold Cloud Platform");
        assertThat(currentInMenu()).isEmpty();

        browser.findElement(By.id("sign-out")).click();
        signInAs("operator");
        heading("Open a partner");
        assertThat(currentInMenu()).containsExactly("Open a partner");
        browser.findElement(By.linkText("Due overview")).click();
        heading("Due overview");
        assertThat(currentInMenu()).containsExactly("Due overview");
    }

    @Test
    void aPartnerAdminOpeningAnOperatorsPageGetsItsOwnCompetencies() {
        open("/");
        signInAs("contoso");
        heading("Competencies");
        for (String page : List.of("/operator", "/due?from=2021-03-20&to=2021-03-25")) {
            open(page);
            heading("Competencies");
            assertThat(browser.getCurrentUrl()).endsWith("/partners/contoso/offers");
            assertThat(browser.findElements(By.cssSelector("#open-partner, #due-form, main .problem"))).isEmpty();
        }
        // Followed inside the console (as a link is), the operator's address is replaced: Back goes to the
        // entry before it (marked here), not to /operator, which would send the person on again.
        browser.executeScript("history.replaceState({before: true}, '');"
                + " history.pushState(null, '', '/operator'); dispatchEvent(new PopStateEvent('popstate'));");
        wait.until(d -> browser.getCurrentUrl().endsWith("/partners/contoso/offers"));
        heading("Competencies");
        browser.navigate().back();
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("return history.state?.before === true")));
    }

    /** An operator's heading of a page of a partner of this test: the title, then the partner as enrolPartner names it. */
    static String ofPartner(String title, String partner) {
        return title + " — " + partner + " Ltd (" + partner + ")";
    }

    /** A fresh enrolled partner's page, opened by an operator. */
    String anOperatorOpensAFreshPartner() {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        open("/partners/" + partner);
        signInWithToken(Tokens.operator());
        heading(partner + " Ltd (" + partner + ")");
        return partner;
    }

    void fillTheEnrolForm(String offerId, String name, String anniversaryDate, String amount) {
        browser.findElement(By.id("enrol-offer-id")).sendKeys(offerId);
        browser.findElement(By.id("enrol-name")).sendKeys(name);
        browser.findElement(By.id("enrol-area")).sendKeys("Data Analytics");
        setDate("enrol-anniversary-date", anniversaryDate);
        browser.findElement(By.id("enrol-fee-amount")).sendKeys(amount);
    }

    @Test
    void anOperatorsSaveRedrawsThePageAsNowStored() {
        String partner = anOperatorOpensAFreshPartner();
        enrolOffer(partner, "data-analytics", "COMPETENCY", "Data Analytics", "2021-05-01", true, "1670.00");
        WebElement name = browser.findElement(By.id("partner-name"));
        name.clear();
        name.sendKeys("Renamed Ltd");
        browser.findElement(By.id("save-partner")).click();
        heading("Renamed Ltd (" + partner + ")");
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Partner saved.");
        // The offer enrolled meanwhile (through the API) is in the list drawn again.
        visible(By.cssSelector("#offers-title + .table-wrap a[data-offer='data-analytics']"));

        fillTheEnrolForm("azure-ai", "Gold AI on Azure", "2021-04-05", "4730.00");
        browser.findElement(By.cssSelector("#enrol-offer button[type=submit]")).click();
        assertThat(visible(By.cssSelector("#offers-title + .table-wrap a[data-offer='azure-ai']")).getText()).isEqualTo("Gold AI on Azure");
        WebElement saved = visible(By.cssSelector("main > .notice.success"));
        assertThat(saved.getText()).contains("Offer saved.");
        assertThat((Boolean) browser.executeScript("return document.activeElement === arguments[0]", saved))
                .as("the notice has the focus").isTrue();

        browser.findElement(By.cssSelector("a[data-offer='data-analytics']")).click();
        heading("Gold Data Analytics — Renamed Ltd (" + partner + ")");
        WebElement offerName = visible(By.id("edit-name"));
        offerName.clear();
        offerName.sendKeys("Data Analytics Gold");
        browser.findElement(By.cssSelector("#edit-offer button[type=submit]")).click();
        heading("Data Analytics Gold — Renamed Ltd (" + partner + ")");
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Offer saved.");
    }

    @Test
    void aRefusedOperatorFormSaysTheProblemAndMarksAndFocusesItsField() {
        String partner = anOperatorOpensAFreshPartner();
        browser.findElement(By.id("add-contact")).click();
        visible(By.id("contact-email-0")).sendKeys("not-an-email");
        browser.findElement(By.id("save-partner")).click();
        assertThat(visible(By.cssSelector("#partner-result .problem")).getText())
                .contains("The request is not valid: contacts[0].email: must be an email address");
        assertThat(browser.findElement(By.id("contact-email-0")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(activeId()).isEqualTo("contact-email-0");

        fillTheEnrolForm("azure-ai", "Gold AI on Azure", "2021-04-05", "12,50");
        browser.findElement(By.cssSelector("#enrol-offer button[type=submit]")).click();
        assertThat(visible(By.cssSelector("#enrol-result .problem")).getText())
                .contains("renewalFee.amount: must be a non-negative decimal string");
        assertThat(browser.findElement(By.id("enrol-fee-amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(activeId()).isEqualTo("enrol-fee-amount");

        // Sent again with another mistake: the field now named is marked, the one corrected no longer.
        WebElement amount = browser.findElement(By.id("enrol-fee-amount"));
        amount.clear();
        amount.sendKeys("12.50");
        WebElement currency = browser.findElement(By.id("enrol-fee-currency"));
        currency.clear();
        currency.sendKeys("XYZ");
        browser.findElement(By.cssSelector("#enrol-offer button[type=submit]")).click();
        wait.until(d -> "enrol-fee-currency".equals(activeId()));
        assertThat(browser.findElement(By.id("enrol-result")).getText()).contains("renewalFee.currency: must be an upper-case ISO 4217 code");
        assertThat(browser.findElement(By.id("enrol-fee-currency")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("enrol-fee-amount")).getAttribute("aria-invalid")).isNull();
        as(Tokens.operator()).get("/partners/{p}/offers/{o}", partner, "azure-ai").then().statusCode(404);
    }

    /** From now on the page notes each request it sends ("PUT /partners/..."): see requestsSent(). */
    void recordRequests() {
        browser.executeScript("window.requestsSent = []; const send = window.fetch;"
                + " window.fetch = (url, init) => { window.requestsSent.push((init?.method ?? 'GET') + ' ' + url); return send(url, init); };");
    }

    @SuppressWarnings("unchecked")
    List<String> requestsSent() {
        return (List<String>) browser.executeScript("return window.requestsSent");
    }

    void saveTheEnrolForm() {
        browser.findElement(By.cssSelector("#enrol-offer button[type=submit]")).click();
    }

    /** The mistake said next to a field, once it reads this text; the field is then marked invalid, described by it, and focused. */
    void refusedInTheBrowser(String inputId, String text) {
        wait.until(d -> d.findElements(By.id(inputId + "-error")).stream().anyMatch(e -> e.getText().equals(text)));
        WebElement input = browser.findElement(By.id(inputId));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).isEqualTo(inputId + "-error");
        assertThat(activeId()).isEqualTo(inputId);
    }

    @Test
    void theEnrolFormChecksTheOfferIdBeforeItGoesIntoTheAddress() {
        String partner = anOperatorOpensAFreshPartner();
        recordRequests();
        fillTheEnrolForm("", "Gold AI on Azure", "2021-04-05", "4730.00");
        saveTheEnrolForm();
        refusedInTheBrowser("enrol-offer-id", "Enter the offer id.");
        assertThat(browser.findElements(By.cssSelector("#enrol-result .problem"))).as("no raw HTTP 404").isEmpty();

        browser.findElement(By.id("enrol-offer-id")).sendKeys("azure/ai");
        saveTheEnrolForm();
        refusedInTheBrowser("enrol-offer-id",
                "Offer id may hold only letters, digits, \".\", \"_\" and \"-\" (at most 128), and starts with a letter or digit.");
        assertThat(browser.findElements(By.id("enrol-offer-id-error"))).as("said once").hasSize(1);

        language("zh-CN"); // the page is drawn again, with what was typed
        visible(By.xpath("//h2[@id='enrol-title' and normalize-space()='登记产品']"));
        WebElement offerId = browser.findElement(By.id("enrol-offer-id"));
        assertThat(offerId.getAttribute("value")).isEqualTo("azure/ai");
        offerId.clear();
        saveTheEnrolForm();
        refusedInTheBrowser("enrol-offer-id", "请填写产品 ID。");
        assertThat(requestsSent()).noneMatch(request -> request.startsWith("PUT"));
        as(Tokens.operator()).get("/partners/{p}/offers", partner).then().statusCode(200).body("offers", hasSize(0));
    }

    @Test
    void theEnrolFormRefusesAnOfferThePartnerAlreadyHasAndLinksToIt() {
        String partner = newPartner("browser");
        enrolPartner(partner, true);
        enrolOffer(partner, "data-analytics", "COMPETENCY", "Data Analytics", "2021-05-01", true, "1670.00");
        open("/partners/" + partner);
        signInWithToken(Tokens.operator());
        heading(partner + " Ltd (" + partner + ")");
        recordRequests();
        fillTheEnrolForm("data-analytics", "Gold AI on Azure", "2021-04-05", "4730.00");
        saveTheEnrolForm();
        refusedInTheBrowser("enrol-offer-id", "This partner already has the offer data-analytics: change it on its page.");
        assertThat(requestsSent()).noneMatch(request -> request.startsWith("PUT"));
        as(Tokens.operator()).get("/partners/{p}/offers/{o}", partner, "data-analytics").then().statusCode(200)
                .body("anniversaryDate", org.hamcrest.Matchers.equalTo("2021-05-01"));

        browser.findElement(By.id("enrol-offer-id-error")).findElement(By.linkText("data-analytics")).click();
        heading(ofPartner("Gold Data Analytics", partner));
        visible(By.id("edit-offer"));
    }

    @Test
    void anOfferAnotherOperatorEnrolledWhileThePageWasOpenIsNotReplacedByTheEnrolForm() {
        String partner = anOperatorOpensAFreshPartner();
        enrolOffer(partner, "data-analytics", "COMPETENCY", "Data Analytics", "2021-05-01", true, "1670.00"); // meanwhile
        fillTheEnrolForm("data-analytics", "Gold AI on Azure", "2021-04-05", "4730.00");
        saveTheEnrolForm();
        refusedInTheBrowser("enrol-offer-id", "This partner already has the offer data-analytics: change it on its page.");
        as(Tokens.operator()).get("/partners/{p}/offers/{o}", partner, "data-analytics").then().statusCode(200)
                .body("anniversaryDate", org.hamcrest.Matchers.equalTo("2021-05-01"));
    }

    @Test
    void anOfferEnrolledBeforeItsPartnerIsSavedIsListedOnThePageDrawnAgain() {
        String partner = newPartner("browser");
        open("/partners/" + partner);
        signInWithToken(Tokens.operator());
        heading("Partner " + partner);
        fillTheEnrolForm("azure-ai", "Gold AI on Azure", "2021-04-05", "4730.00");
        saveTheEnrolForm();
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Offer saved.");
        assertThat(visible(By.cssSelector("#offers-title + .table-wrap a[data-offer='azure-ai']")).getText())
                .isEqualTo("Gold AI on Azure");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No partner " + partner + " yet");
    }

    @Test
    void aRefusedSaveShowsOnlyTheRefusalNotTheEarlierSavesNotice() {
        String partner = anOperatorOpensAFreshPartner();
        browser.findElement(By.id("save-partner")).click();
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Partner saved.");
        browser.findElement(By.id("partner-name")).clear();
        browser.findElement(By.id("save-partner")).click();
        visible(By.cssSelector("#partner-result .problem"));
        assertThat(browser.findElements(By.cssSelector("main > .notice.success"))).as("Partner saved. is gone").isEmpty();

        fillTheEnrolForm("azure-ai", "Gold AI on Azure", "2021-04-05", "4730.00");
        saveTheEnrolForm();
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Offer saved.");
        fillTheEnrolForm("azure-data", "Gold Data on Azure", "2021-04-05", "12,50");
        saveTheEnrolForm();
        visible(By.cssSelector("#enrol-result .problem"));
        assertThat(browser.findElements(By.cssSelector("main > .notice.success"))).as("Offer saved. is gone").isEmpty();

        browser.findElement(By.cssSelector("a[data-offer='azure-ai']")).click();
        heading(ofPartner("Gold AI on Azure", partner));
        browser.findElement(By.cssSelector("#edit-offer button[type=submit]")).click();
        assertThat(visible(By.cssSelector("main > .notice.success")).getText()).contains("Offer saved.");
        WebElement amount = browser.findElement(By.id("edit-fee-amount"));
        amount.clear();
        amount.sendKeys("12,50");
        browser.findElement(By.cssSelector("#edit-offer button[type=submit]")).click();
        visible(By.cssSelector("#edit-result .problem"));
        assertThat(browser.findElements(By.xpath("//main/div[contains(@class,'success')][contains(.,'Offer saved.')]")))
                .as("Offer saved. is gone from the offer's page").isEmpty();
    }

    @Test
    void anAddressLongerThanTheLimitIsRefusedOnItsEmailNotCutShortAndStored() {
        String partner = anOperatorOpensAFreshPartner();
        browser.findElement(By.id("add-contact")).click();
        String tooLong = "a".repeat(250) + "@b.example"; // 260 characters; cut to 254 it would still be an address
        visible(By.id("contact-email-0")).sendKeys(tooLong);
        assertThat(browser.findElement(By.id("contact-email-0")).getAttribute("value")).isEqualTo(tooLong);
        browser.findElement(By.id("save-partner")).click();
        assertThat(visible(By.cssSelector("#partner-result .problem")).getText()).contains("contacts[0].email", "at most 254 characters");
        assertThat(browser.findElement(By.id("contact-email-0")).getAttribute("aria-invalid")).isEqualTo("true");
        as(Tokens.operator()).get("/partners/{p}", partner).then().statusCode(200).body("contacts", hasSize(0));
    }

    @Test
    void aNameTooLargeToSendIsRefusedInThePagesLanguageNotCutShort() {
        String partner = anOperatorOpensAFreshPartner();
        language("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("save-partner"), "保存合作伙伴")); // the page drawn again in Chinese
        WebElement name = browser.findElement(By.id("partner-name"));
        browser.executeScript("arguments[0].value = arguments[1]", name, "x".repeat(17_000)); // a paste, beyond the API's 16 KiB
        browser.findElement(By.id("save-partner")).click();
        assertThat(visible(By.cssSelector("#partner-result .problem")).getText()).contains("表单内容过多");
        as(Tokens.operator()).get("/partners/{p}", partner).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(partner + " Ltd"));
    }

    @Test
    void aContactWithANameButNoEmailIsRefusedOnItsEmailNotDropped() {
        String partner = anOperatorOpensAFreshPartner();
        browser.findElement(By.id("add-contact")).click();
        browser.findElement(By.id("add-contact")).click();
        browser.findElement(By.id("add-contact")).click();
        visible(By.id("contact-email-0")).sendKeys("ana@contacts.example");
        browser.findElement(By.id("contact-name-2")).sendKeys("Bo Renewals"); // row 2 (index 1) stays empty
        browser.findElement(By.id("save-partner")).click();
        assertThat(visible(By.cssSelector("#partner-result .problem")).getText()).contains("contacts[1].email");
        assertThat(browser.findElement(By.id("contact-email-2")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(activeId()).isEqualTo("contact-email-2");
        assertThat(browser.findElements(By.cssSelector("main > .notice.success"))).isEmpty();
        as(Tokens.operator()).get("/partners/{p}", partner).then().statusCode(200).body("contacts", hasSize(0));
    }

    @Test
    void addAContactIsDisabledAtTenContactsWithAHintAndEnabledAgainWhenOneIsRemoved() {
        String partner = partnerWithContacts(java.util.stream.IntStream.rangeClosed(1, 9)
                .mapToObj(i -> "c" + i + "@contacts.example").toArray(String[]::new));
        open("/partners/" + partner);
        signInWithToken(Tokens.operator());
        heading(partner + " Ltd (" + partner + ")");
        WebElement add = browser.findElement(By.id("add-contact"));
        assertThat(add.isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("contacts-max")).isDisplayed()).isFalse();
        add.click();
        assertThat(browser.findElements(By.cssSelector("#contacts fieldset.contact"))).hasSize(10);
        assertThat(add.isEnabled()).as("at 10 rows").isFalse();
        assertThat(visible(By.id("contacts-max")).getText()).isEqualTo("At most 10 contacts: remove one to add another.");
        assertThat(add.getAccessibleName()).isEqualTo("Add a contact");

        removeContact(10);
        assertThat(add.isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("contacts-max")).isDisplayed()).isFalse();

        add.click();
        language("zh-CN"); // drawn again with the 10 rows there were: still at the limit
        assertThat(visible(By.xpath("//button[@id='add-contact' and normalize-space()='添加联系人']")).isEnabled()).isFalse();
        assertThat(visible(By.id("contacts-max")).getText()).isEqualTo("最多 10 个联系人：删除一个后才能再添加。");
    }

    @Test
    void theDueOverviewsAddressFollowsItsInputs() {
        open("/due?from=2021-03-25&to=2021-04-05");
        signInWithToken(Tokens.operator());
        heading("Due overview");
        assertThat(browser.findElement(By.id("due-from")).getAttribute("value")).isEqualTo("2021-03-25");
        assertThat(browser.findElement(By.id("due-to")).getAttribute("value")).isEqualTo("2021-04-05");
        visible(By.cssSelector("#due-results table"));
        setDate("due-to", "2021-04-10");
        assertThat(browser.getCurrentUrl()).endsWith("/due?from=2021-03-25&to=2021-04-10");
    }

    /**
     * An operator's due overview of 1 to 10 January of the year, showing the first 100 of its 101
     * items: a page is 100 items (D23's default), and 101 offers of one AD make a second page.
     */
    void aFullFirstPageOfTheDueOverviewIn(String year) {
        String partner = newPartner("paging");
        for (int i = 0; i < 101; i++) {
            enrolOffer(partner, "offer-" + i, "COMPETENCY", "Cloud Platform", year + "-01-20", true, "100.00");
        }
        open("/due?from=" + year + "-01-01&to=" + year + "-01-10"); // the upcoming reminders, due on 5 January (D5)
        signInWithToken(Tokens.operator());
        heading("Due overview");
        wait.until(d -> d.findElements(By.cssSelector("#due-results tbody tr")).size() == 100);
    }

    @Test
    void showMoreAddsTheNextPageAndKeepsTheKeyboardAtTheFirstRowItAdded() {
        aFullFirstPageOfTheDueOverviewIn("2031");
        visible(By.id("due-more")).click();
        wait.until(d -> d.findElements(By.cssSelector("#due-results tbody tr")).size() == 101);
        assertThat(browser.findElements(By.id("due-more"))).as("no page after the last").isEmpty();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused).isEqualTo(browser.findElements(By.cssSelector("#due-results tbody tr")).get(100));
    }

    @Test
    void showMoreContinuesTheListShownEvenWhenItsRangeWasEditedSince() {
        aFullFirstPageOfTheDueOverviewIn("2032");
        // Edited, not shown: the list is still the one of 1 to 10 January (its next page, due on the 5th, is not in the new range).
        setDate("due-from", "2032-01-06");
        browser.findElement(By.id("due-more")).click();
        wait.until(d -> d.findElements(By.cssSelector("#due-results tbody tr")).size() == 101);
        assertThat(browser.findElements(By.cssSelector("#due-results .problem"))).isEmpty();
        assertThat(browser.findElement(By.id("due-from")).getAttribute("value")).as("the range the list shows").isEqualTo("2032-01-01");
        assertThat(browser.getCurrentUrl()).endsWith("/due?from=2032-01-01&to=2032-01-10");
    }

    @Test
    void aDoubleClickOnShowMoreAddsTheNextPageOnce() throws InterruptedException {
        aFullFirstPageOfTheDueOverviewIn("2033");
        new Actions(browser).doubleClick(visible(By.id("due-more"))).perform();
        wait.until(d -> d.findElements(By.cssSelector("#due-results tbody tr")).size() >= 101);
        Thread.sleep(500); // time for a second page, were one asked for, to be added too
        assertThat(browser.findElements(By.cssSelector("#due-results tbody tr"))).hasSize(101);
    }

    @Test
    void anEmptyToIsRefusedNextToItNotTakenAsTheFromDay() {
        open("/due?from=2021-03-20&to=2021-04-19");
        signInWithToken(Tokens.operator());
        heading("Due overview");
        visible(By.cssSelector("#due-results table"));
        setDate("due-to", "");
        browser.findElement(By.id("due-show")).click();
        WebElement problem = visible(By.cssSelector("#due-results .problem"));
        WebElement to = browser.findElement(By.id("due-to"));
        assertThat(problem.getText()).contains("to:");
        assertThat(to.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement()).isEqualTo(to);
    }

    @Test
    void aRefusedDueRangeMarksAndFocusesTheDateTheServiceNames() {
        open("/due?from=2021-03-25&to=2021-03-20");
        signInWithToken(Tokens.operator());
        heading("Due overview");
        WebElement problem = visible(By.cssSelector("#due-results .problem"));
        WebElement to = browser.findElement(By.id("due-to"));
        assertThat(problem.getText()).contains("to:");
        assertThat(to.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement()).isEqualTo(to);
        setDate("due-to", "2021-04-05");
        browser.findElement(By.id("due-show")).click();
        visible(By.cssSelector("#due-results table"));
        assertThat(to.getAttribute("aria-invalid")).isNull();
    }

    @Test
    void aDirectLoadOfTheDueOverviewAsksTheServiceOnce() {
        open("/");
        signInAs("operator");
        heading("Open a partner");
        open("/due?from=2021-03-20&to=2021-04-19"); // a reload, or an address pasted while signed in
        heading("Due overview");
        visible(By.cssSelector("#due-results table"));
        assertThat(browser.executeScript("return performance.getEntriesByType('resource')"
                + ".filter((e) => new URL(e.name).pathname === '/due').map((e) => e.name)"))
                .asList().containsExactly(console() + "/due?from=2021-03-20&to=2021-04-19");
    }


    @Test
    void aDateInTheAddressThatIsNoRealDateIsTakenAsMissing() {
        open("/");
        signInAs("operator");
        heading("Open a partner");
        for (String address : List.of("/due?from=abc", "/due?from=2021-02-30&to=2021-04-19", "/due?from=2021-03-20&to=2021-04-31")) {
            open(address);
            heading("Due overview");
            visible(By.cssSelector("#due-results table"));
            assertThat(browser.findElement(By.id("due-from")).getAttribute("value")).as(address).isEqualTo("2021-03-20");
            assertThat(browser.findElement(By.id("due-to")).getAttribute("value")).as(address).isEqualTo("2021-04-19");
            assertThat(browser.getCurrentUrl()).as(address).endsWith("/due?from=2021-03-20&to=2021-04-19");
        }
    }

    @Test
    void afterSignOutAndBackAnotherPartnersAdminLandsOnItsOwnCompetencies() {
        open("/");
        signInAs("contoso");
        heading("Competencies");
        browser.findElement(By.cssSelector("a[data-offer='cloud-platform']")).click();
        heading("Gold Cloud Platform");
        browser.findElement(By.id("sign-out")).click();
        heading("Sign in");
        browser.navigate().back(); // contoso's offer again, asking for a sign-in: remembered as where to return
        wait.until(d -> browser.getCurrentUrl().endsWith("/partners/contoso/offers/cloud-platform"));
        heading("Sign in");
        signInAs("northwind");
        heading("Competencies");
        assertThat(browser.getCurrentUrl()).endsWith("/partners/northwind/offers");
        visible(By.cssSelector("a[data-offer='data-platform']"));
        // The same page's own admin, or an operator, is still taken back to it.
        browser.findElement(By.id("sign-out")).click();
        heading("Sign in");
        open("/partners/contoso/offers/cloud-platform");
        signInAs("operator");
        heading("Gold Cloud Platform — Contoso Ltd (contoso)");
    }

    @Test
    void anOperatorsPagesNameThePartnerAndOfferNoRenewal() {
        String partner = partnerWithExemptOffer("4730.00"); // renewable: its admin would get the pay form
        open("/partners/" + partner + "/offers");
        signInWithToken(Tokens.operator());
        heading(ofPartner("Competencies", partner));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Select one to see its notices and renew it");
        browser.findElement(By.cssSelector("a[data-offer='cloud-platform']")).click();
        heading(ofPartner("Gold Cloud Platform", partner));
        visible(By.id("edit-offer"));
        assertThat(browser.findElements(By.cssSelector("#renew, #payment-reference"))).isEmpty();

        open("/partners/" + partner + "/membership?offer=cloud-platform");
        heading(ofPartner("Membership offers", partner));
        visible(By.xpath("//tr[.//a[@data-offer='cloud-platform']]"));
        assertThat(browser.findElements(By.cssSelector("#renew, #payment-reference, a[data-renew]"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Pay the fee");
    }

    /** Nobody is named in the header: no partner's menu, no subject, no Sign out. */
    void theHeaderNamesNoOne() {
        assertThat(browser.findElements(By.cssSelector("#nav a"))).isEmpty();
        assertThat(browser.findElement(By.id("who")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();
    }

    String languageShown() {
        return new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value");
    }

    @Test
    void signingOutClearsTheHeaderAndGivesBackThePersonsOwnLanguage() {
        open("/");
        signInAs("fabrikam"); // a partner in zh-CN: adopted, as the person never chose
        heading("能力");
        browser.findElement(By.id("sign-out")).click();
        heading("Sign in");
        assertThat(languageShown()).isEqualTo("en");
        theHeaderNamesNoOne();
    }

    @Test
    void thePartnersLanguageAdoptedAtSignInSurvivesAReloadUntilSigningOut() {
        open("/");
        signInAs("fabrikam"); // a partner in zh-CN, in an English browser
        heading("能力");
        browser.navigate().refresh();
        wait.until(d -> "true".equals(browser.executeScript("return document.body.dataset.ready")));
        heading("能力");
        assertThat(languageShown()).isEqualTo("zh-CN");
        open("/partners/fabrikam/offers/cloud-platform"); // an email's link, in the same tab
        heading("Gold Cloud Platform");
        assertThat(browser.findElement(By.cssSelector("main .crumbs")).getText()).startsWith("能力");

        browser.findElement(By.id("sign-out")).click();
        heading("Sign in");
        open("/");
        heading("Sign in");
        assertThat(languageShown()).isEqualTo("en");
    }

    @Test
    void a401MidSessionSignsOutClearsTheHeaderAndGivesBackThePersonsOwnLanguage() {
        open("/");
        signInAs("fabrikam");
        heading("能力");
        // The token expires: from now on every call gets API Gateway's 401.
        browser.executeScript("window.fetch = () => Promise.resolve(new Response('{\"message\":\"Unauthorized\"}',"
                + " {status: 401, headers: {'Content-Type': 'application/json'}}));");
        browser.findElement(By.linkText("通知")).click();
        assertThat(visible(By.cssSelector("main .problem")).getText()).contains("Your sign-in has expired. Sign in again.");
        heading("Sign in");
        assertThat(languageShown()).isEqualTo("en");
        theHeaderNamesNoOne();
    }

    @Test
    void aTokenWithoutAPartnerOrTheOperatorRoleIsRefusedAtSignIn() {
        open("/");
        language("zh-CN");
        signInWithToken(Tokens.jwt("{\"sub\":\"someone@contoso.example\",\"roles\":[\"mpn-partner-admin\"]}"));
        assertThat(visible(By.cssSelector("main .problem")).getText()).contains("此登录未说明你代表谁", "partner_id", "membership-operator");
        heading("登录");
        assertThat(browser.executeScript("return sessionStorage.getItem('token')")).isNull();
        theHeaderNamesNoOne();
    }

    @Test
    void aTokenWhosePartnerCannotBeAnIdIsRefusedAtSignInNamingIt() {
        open("/");
        signInWithToken(Tokens.jwt("{\"sub\":\"a@b.example\",\"partner_id\":\"contoso ltd\",\"roles\":[\"mpn-partner-admin\"]}"));
        heading("Sign in");
        assertThat(visible(By.cssSelector("main .problem")).getText())
                .contains("This sign-in names the partner “contoso ltd” (claim partner_id), which is not a partner id");
        assertThat(browser.executeScript("return sessionStorage.getItem('token')")).isNull();
        theHeaderNamesNoOne();
    }

    @Test
    void aTokenWithoutSubjectIsSignedInAsTheApiAnswersIt() {
        String partner = partnerWithExemptOffer("4730.00");
        open("/");
        signInWithToken(Tokens.jwt("{\"partner_id\":\"" + partner + "\",\"roles\":[\"mpn-partner-admin\"]}"));
        heading("Competencies");
        visible(By.cssSelector("a[data-offer='cloud-platform']"));
    }

    @Test
    void aTokenThatCannotBeReadIsRefusedOnTheSignInPage() {
        open("/");
        signInWithToken("not a token");
        heading("Sign in");
        WebElement problem = visible(By.cssSelector("main .problem"));
        assertThat(problem.getText()).contains("This token cannot be read");
        assertThat(browser.switchTo().activeElement()).isEqualTo(problem);
    }

    /** Date inputs take their value as the browser's locale writes it; set it as the page would get it. */
    void setDate(String id, String isoDate) {
        browser.executeScript("const i = document.getElementById(arguments[0]); i.value = arguments[1];"
                + " i.dispatchEvent(new Event('input', {bubbles: true}));", id, isoDate);
    }
}
