package org.marginconsult.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.LocalStackTestResource;

import java.net.URL;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.marginconsult.support.CommentFixtures.Q1;
import static org.marginconsult.support.CommentFixtures.Q2;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.openNow;
import static org.marginconsult.support.CommentFixtures.startDraft;

/**
 * js/comment-autosave.js in a real browser: typing in an answer saves the draft after a pause (the
 * version goes up, a reload shows the text), and with script off the Save button does the same job.
 */
@QuarkusTest
class CommentAutosaveBrowserTest extends BrowserTest {


    @TestHTTPResource("/")
    URL home;

    private void logInAs(Page page, String user, String path) {
        logInThroughKeycloak(page, home + path, user);
    }

    @Test
    void typingInAnAnswerSavesTheDraftAfterAPauseAndAReloadShowsTheText() {
        long consultation = openNow();
        long id = startDraft("alice", consultation);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            try {
                logInAs(page, "alice", "comments/" + id);
                assertThat(page.locator("input[name=version]")).hasValue("0");

                page.locator("#answer-" + Q1).pressSequentially("We run TIMS and SPAN side by side.");
                assertThat(page.locator("#autosave-status")).containsText("Saved automatically",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
                assertThat(page.locator("input[name=version]")).hasValue("1");
                as("alice").get("/api/v1/comments/" + id).then().statusCode(200)
                        .body("version", equalTo(1))
                        .body("updatedBy", equalTo("alice"))
                        .body("answers[0].text", equalTo("We run TIMS and SPAN side by side."));

                // a second pause saves again on top of the version read back, not a conflict
                page.locator("#answer-" + Q2).fill("Offsets between index options and futures.");
                assertThat(page.locator("input[name=version]")).hasValue("2",
                        new LocatorAssertions.HasValueOptions().setTimeout(20_000));
                assertThat(page.locator("#autosave-status")).containsText("Saved automatically");

                page.reload();
                assertThat(page.locator("#answer-" + Q1)).hasValue("We run TIMS and SPAN side by side.");
                assertThat(page.locator("#answer-" + Q2)).hasValue("Offsets between index options and futures.");
                assertThat(page.locator("p.lede")).containsText("Version 2.");
            } finally {
                screenshot(page, "comment-autosave");
            }
        }
    }

    @Test
    void whenTheSignInHasEndedAutosaveSaysSoKeepsTheTextAndSavesOnceSignedInAgainInAnotherTab() {
        long id = startDraft("alice", openNow());
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            try {
                logInAs(page, "alice", "comments/" + id);
                // the application's session ends, as after 30 minutes without a request; Keycloak's is kept
                context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("^q_session")));
                page.locator("#answer-" + Q1).pressSequentially("Written after a long lunch.");
                assertThat(page.locator("#autosave-status")).containsText("Not saved: your sign-in has ended",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
                assertThat(page.locator("#answer-" + Q1)).hasValue("Written after a long lunch.");
                as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(0));

                Page again = context.waitForPage(() -> page.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("sign in again in a new tab")).click());
                // Keycloak's session is still there: it signs the new tab in without asking
                again.waitForURL(url -> url.endsWith("/comments/" + id));
                again.close();
                // the page tries again on its own (every 15 seconds) and now gets through
                assertThat(page.locator("#autosave-status")).containsText("Saved automatically",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(40_000));
                as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1))
                        .body("answers[0].text", equalTo("Written after a long lunch."));
            } finally {
                screenshot(page, "comment-autosave-signed-out");
            }
        }
    }

    /** A browser context without script, signed in as {@code user} through the Keycloak page at {@code path}. */
    private BrowserContext scriptOffAfterLogin(String user, String path) {
        String signedIn;
        try (BrowserContext context = browser.newContext()) {
            logInAs(context.newPage(), user, path);
            signedIn = context.storageState();
        }
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setJavaScriptEnabled(false).setStorageState(signedIn));
    }

    @Test
    void withScriptOffTheSaveButtonSavesTheDraftAndNothingSavesOnItsOwn() {
        long consultation = openNow();
        long id = startDraft("alice", consultation);
        try (BrowserContext context = scriptOffAfterLogin("alice", "comments/" + id)) {
            Page page = context.newPage();
            try {
                page.navigate(home + "comments/" + id);
                page.locator("#answer-" + Q1).fill("Typed with script off.");
                page.locator("#organization").fill("Alpha Clearing LLC");
                // longer than the autosave pause: without script nothing is sent
                page.waitForTimeout(6_000);
                as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(0));
                assertThat(page.locator("#autosave-status")).isEmpty();

                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
                page.waitForURL("**/comments/" + id + "?saved=1");
                assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Saved as version 1.");
                assertThat(page.locator("#answer-" + Q1)).hasValue("Typed with script off.");
                as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1))
                        .body("submitter.organization", equalTo("Alpha Clearing LLC"))
                        .body("answers[0].text", equalTo("Typed with script off."));
            } finally {
                screenshot(page, "comment-save-without-script");
            }
        }
    }

    @Test
    void aSaveSentAfterTheLoginTokensExpiredIsStoredInsteadOfBeingLostToALoginRedirect() {
        long consultation = openNow();
        long id = startDraft("alice", consultation);
        try (BrowserContext context = scriptOffAfterLogin("alice", "comments/" + id)) {
            Page page = context.newPage();
            try {
                page.navigate(home + "comments/" + id);
                page.locator("#answer-" + Q1).fill("Written while the login tokens expired.");
                // a person takes longer over an answer than the tokens live
                page.waitForTimeout(LocalStackTestResource.WEB_TOKEN_LIFESPAN.plusSeconds(5).toMillis());

                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
                page.waitForURL("**/comments/" + id + "?saved=1");
                assertThat(page.locator("#answer-" + Q1)).hasValue("Written while the login tokens expired.");
                as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1))
                        .body("answers[0].text", equalTo("Written while the login tokens expired."));
            } finally {
                screenshot(page, "comment-save-after-token-expiry");
            }
        }
    }
}
