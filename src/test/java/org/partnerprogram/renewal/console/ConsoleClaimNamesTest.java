package org.partnerprogram.renewal.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerprogram.renewal.api.ApiTestSupport;
import org.partnerprogram.renewal.api.Tokens;

/**
 * A deployment whose tokens name the partner and the roles otherwise (renewal.auth.*): the console
 * reads the names from config.json, so it signs in whom the service answers and refuses the rest.
 */
@QuarkusTest
@TestProfile(ConsoleClaimNamesTest.RenamedClaims.class)
class ConsoleClaimNamesTest extends ApiTestSupport {

    public static class RenamedClaims implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("renewal.auth.partner-claim", "org_partner", "renewal.auth.roles-claim", "groups",
                    "renewal.auth.partner-admin-role", "partner-admins", "renewal.auth.operator-role", "renewal-ops");
        }
    }

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    WebDriverWait signIn(String token) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get("http://127.0.0.1:" + local.apiPort() + "/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
        browser.findElement(By.id("token-sign-in")).click();
        return wait;
    }

    @Test
    void aPartnerAdminSignsInWithTheClaimNamesTheServiceIsConfiguredWith() {
        String partner = newPartner("claims");
        String operator = Tokens.jwt("{\"sub\":\"ops@example.com\",\"groups\":[\"renewal-ops\"]}");
        as(operator).contentType(ContentType.JSON).body("{\"name\":\"Claims Ltd\",\"migratedToPartnerCenter\":true}")
                .put("/partners/{p}", partner).then().statusCode(200);
        as(operator).contentType(ContentType.JSON).body(offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", true, "100.00"))
                .put("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(200);

        WebDriverWait wait = signIn(Tokens.jwt("{\"sub\":\"admin@" + partner + "\",\"org_partner\":\"" + partner
                + "\",\"groups\":[\"partner-admins\"]}"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[data-offer='cloud-platform']")));
        assertThat(browser.findElements(By.cssSelector("main .problem"))).isEmpty();
    }

    @Test
    void aTokenWithTheDefaultClaimNamesIsRefusedNamingTheConfiguredOnes() {
        WebDriverWait wait = signIn(Tokens.partnerAdmin(newPartner("claims")));
        String problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem"))).getText();
        assertThat(problem).contains("org_partner", "partner-admins", "renewal-ops").doesNotContain("partner_id");
    }
}
