package org.partnerprogram.renewal.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.partnerprogram.renewal.api.Tokens;

/**
 * The console's sign-in as deployed: OpenID Connect, authorization code with PKCE (RFC 7636,
 * S256), against an issuer that refuses a code traded without its verifier. The local run signs
 * in this way when an issuer is configured (renewal.console.*), so the page, its config.json and
 * its Content-Security-Policy are the ConsoleHandler's.
 */
@QuarkusTest
@TestProfile(ConsoleOidcSignInTest.WithIssuer.class)
class ConsoleOidcSignInTest extends BrowserTestSupport {

    public static class WithIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("local.demo-data", "true", "local.clock", "2021-03-20T10:00:00Z");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IssuerResource.class));
        }
    }

    /**
     * Starts the issuer and names it, with this run's client, its redirect URI and so the API's
     * port, which must be known before the start; hands the issuer to the test.
     */
    public static class IssuerResource implements QuarkusTestResourceLifecycleManager {
        private final FakeIssuer issuer = new FakeIssuer();

        @Override
        public Map<String, String> start() {
            int port = freePort();
            return Map.of("local.api-port", String.valueOf(port),
                    "renewal.console.issuer", issuer.url(),
                    "renewal.console.client-id", "renewal-console",
                    "renewal.console.redirect-uri", "http://127.0.0.1:" + port + "/callback");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(issuer, new TestInjector.MatchesType(FakeIssuer.class));
        }

        @Override
        public void stop() {
            issuer.close();
        }
    }

    FakeIssuer issuer;

    @BeforeEach
    void freshTab() {
        issuer.signsIn(Tokens.partnerAdmin("contoso"));
        open("/");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
    }

    void signInWithTheIssuer() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("oidc-sign-in"))).click();
    }

    String problemOnThePage() {
        return visible(By.cssSelector("main .notice, main .problem")).getText();
    }

    @Test
    void signingInWithTheIssuerProvesTheCodeWithItsVerifierAndOpensThePartnersCompetencies() {
        open("/");
        signInWithTheIssuer();
        heading("Competencies");

        Map<String, String> asked = issuer.lastAuthorization();
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "renewal-console")
                .containsEntry("redirect_uri", console() + "/callback")
                .containsEntry("scope", "openid").containsEntry("code_challenge_method", "S256");
        assertThat(asked.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(browser.getCurrentUrl()).as("the code leaves the address").endsWith("/partners/contoso/offers");
        assertThat(browser.executeScript("return sessionStorage.getItem('pkce')")).as("the verifier is used once").isNull();
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("admin@contoso");
    }

    @Test
    void anEmailsLinkOpenedBeforeSignInOpensOnceTheIssuerSendsTheBrowserBack() {
        open("/partners/contoso/offers/cloud-platform");
        signInWithTheIssuer();
        heading("Gold Cloud Platform");
        assertThat(browser.getCurrentUrl()).endsWith("/partners/contoso/offers/cloud-platform");
    }

    @Test
    void aSignInTheIssuerRefusesIsSaidWithTheIssuersReason() {
        issuer.refuses("The user cancelled the sign-in");
        open("/");
        signInWithTheIssuer();
        heading("Sign in");
        assertThat(problemOnThePage()).isEqualTo("Sign-in did not complete: The user cancelled the sign-in");
    }

    @Test
    void aCallbackThisTabDidNotStartIsRefusedWithoutTradingItsCode() {
        int traded = issuer.tokenRequests();
        open("/callback?code=stolen&state=forged");
        heading("Sign in");
        assertThat(problemOnThePage()).contains("the sign-in state does not match; start again");
        assertThat(issuer.tokenRequests()).isEqualTo(traded);
        assertThat(browser.executeScript("return sessionStorage.getItem('token')")).isNull();
    }

    @Test
    void aTokenFromTheIssuerThatNamesNoPartnerIsRefusedOnTheSignInPage() {
        issuer.signsIn(Tokens.jwt("{\"sub\":\"someone@example.com\",\"roles\":[\"reader\"]}"));
        open("/");
        signInWithTheIssuer();
        assertThat(problemOnThePage()).contains("partner_id", "mpn-partner-admin", "membership-operator");
        assertThat(browser.getCurrentUrl()).as("not left on /callback").isEqualTo(console() + "/");
        assertThat(browser.findElement(By.id("oidc-sign-in")).isDisplayed()).isTrue();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
