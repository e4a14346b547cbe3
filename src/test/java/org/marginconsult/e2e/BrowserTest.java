package org.marginconsult.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

import java.nio.file.Path;

/**
 * What the browser tests share: one Chromium per test class, signing in on the real Keycloak page, and
 * a screenshot of each test's last page in target/e2e for whoever reads a failed CI run.
 */
abstract class BrowserTest {

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** Fills and sends the Keycloak login form the page is on. */
    static void submitKeycloakLogin(Page page, String user, String password) {
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
    }

    /**
     * Opens {@code url}, which sends an anonymous browser to the Keycloak login page, signs in there as
     * a demo user (password {@code demo}) and waits until Keycloak has sent the browser back to it.
     */
    static void logInThroughKeycloak(Page page, String url, String user) {
        page.navigate(url);
        page.waitForURL("**/realms/marginconsult/protocol/openid-connect/**");
        submitKeycloakLogin(page, user, "demo");
        page.waitForURL(current -> current.startsWith(url));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/e2e/" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".png")));
    }

    static void screenshot(Page page, TestInfo test) {
        screenshot(page, test.getDisplayName());
    }
}
