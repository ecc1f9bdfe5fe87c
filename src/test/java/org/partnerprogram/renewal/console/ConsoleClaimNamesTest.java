package org.partnerprogram.renewal.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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

    /** Signs in with this token in a fresh browser, runs the check on the page, and closes the browser. */
    void signedInWith(String token, Consumer<WebDriverWait> check) {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            browser.get("http://127.0.0.1:" + local.apiPort() + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(token);
            browser.findElement(By.id("token-sign-in")).click();
            check.accept(wait);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPartnerAdminSignsInWithTheClaimNamesTheServiceIsConfiguredWith() {
        String partner = newPartner("claims");
        String operator = Tokens.jwt("{\"sub\":\"ops@example.com\",\"groups\":[\"renewal-ops\"]}");
        as(operator).contentType(ContentType.JSON).body("{\"name\":\"Claims Ltd\",\"migratedToPartnerCenter\":true}")
                .put("/partners/{p}", partner).then().statusCode(200);
        as(operator).contentType(ContentType.JSON).body(offerBody("COMPETENCY", "Cloud Platform", "2021-03-15", true, "100.00"))
                .put("/partners/{p}/offers/{o}", partner, "cloud-platform").then().statusCode(200);

        signedInWith(Tokens.jwt("{\"sub\":\"admin@" + partner + "\",\"org_partner\":\"" + partner
                + "\",\"groups\":[\"partner-admins\"]}"), wait -> {
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[data-offer='cloud-platform']")));
                    List<WebElement> problems = wait.until(d -> d.findElements(By.cssSelector("main .problem")));
                    assertThat(problems).isEmpty();
                });
    }

    @Test
    void aTokenWithTheDefaultClaimNamesIsRefusedNamingTheConfiguredOnes() {
        signedInWith(Tokens.partnerAdmin(newPartner("claims")), wait -> assertThat(
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem"))).getText())
                .contains("org_partner", "partner-admins", "renewal-ops").doesNotContain("partner_id"));
    }
}
