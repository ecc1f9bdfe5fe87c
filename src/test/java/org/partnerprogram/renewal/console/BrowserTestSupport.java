package org.partnerprogram.renewal.console;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerprogram.renewal.api.ApiTestSupport;

/** One headless Chromium for a test class, on the console the local run serves. */
abstract class BrowserTestSupport extends ApiTestSupport {

    static ChromeDriver browser;
    WebDriverWait wait;

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

    @BeforeEach
    void patience() {
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    String console() {
        return "http://127.0.0.1:" + local.apiPort();
    }

    /** The page's main heading, once it reads this. */
    WebElement heading(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//main/h1[normalize-space()=" + xpathLiteral(text) + "]")));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /** Opens this path of the console and waits until the page has drawn itself. */
    void open(String path) {
        browser.get(console() + path);
        wait.until(d -> "true".equals(browser.executeScript("return document.body.dataset.ready")));
    }
}
