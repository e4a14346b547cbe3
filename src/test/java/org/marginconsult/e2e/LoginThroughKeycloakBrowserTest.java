package org.marginconsult.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person's path: home page, the real Keycloak login form, back to the application, log out. */
@QuarkusTest
class LoginThroughKeycloakBrowserTest extends BrowserTest {


    @TestHTTPResource("/")
    URL home;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void openPage() {
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage(TestInfo test) {
        screenshot(page, test);
        context.close();
    }

    @ParameterizedTest(name = "{0} logs in as {1} of {2}")
    @CsvSource({
            "alice, participant, firm-a, Portfolios",
            "amir,  participant, firm-a, Portfolios",
            "bella, participant, firm-b, Portfolios",
            "sam,   staff,       —,      Review",
            "ada,   admin,       —,      Administration"})
    void aDemoUserLogsInOnTheKeycloakPageSeesTheirRoleAndFirmAndLogsOut(String user, String role, String firm,
            String navigationEntry) {
        page.navigate(home.toString());
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setLevel(1))).containsText("Model the margin impact");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in"))
                .first().click();
        page.waitForURL("**/realms/marginconsult/protocol/openid-connect/**");
        submitKeycloakLogin(page, user, "demo");

        page.waitForURL("**/me");
        assertThat(page.locator("#username")).hasText(user);
        assertThat(page.locator("#roles")).hasText(role);
        assertThat(page.locator("#firm")).hasText(firm);
        assertThat(page.locator("nav[aria-label=Main]")).containsText(navigationEntry);

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        // Keycloak sends the browser back to the home page (with the logout state as a query).
        page.waitForURL(url -> url.startsWith(home.toString()) && !url.contains("/me"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Log in")).first()).isVisible();

        page.navigate(home + "me");
        assertTrue(page.url().contains("/realms/marginconsult/"), "after logout the session is gone: " + page.url());
    }

    @Test
    void aWrongPasswordStaysOnTheKeycloakPageWithItsMessage() {
        page.navigate(home + "login");
        submitKeycloakLogin(page, "alice", "not-the-password");
        assertThat(page.getByText("Invalid username or password")).isVisible();
        assertTrue(page.url().contains("/realms/marginconsult/"));
    }
}
