package org.marginconsult.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.marginconsult.impact.ImpactRun;
import org.marginconsult.impact.ImpactWorker;
import org.marginconsult.impact.RunQueue;
import org.marginconsult.impact.RunStatus;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A participant follows an impact run in the browser, logged in through the real Keycloak page: the
 * progress bar moves while the run computes (the polling script, no page load), and the result opens
 * when it is done; with script turned off, the page's meta refresh does the same a page load at a time.
 * The test holds the instance's worker and moves the run itself through the job queue, as a worker on
 * another instance would, so each state is seen for certain.
 */
@QuarkusTest
class ImpactRunProgressBrowserTest extends BrowserTest {

    private static final String OTHER_INSTANCE = "browser-test-instance";
    private static Long portfolio;

    @TestHTTPResource("/")
    URL home;

    @Inject
    ImpactWorker worker;

    @Inject
    RunQueue queue;

    @Inject
    TestClock clock;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void logIn() {
        context = browser.newContext();
        page = context.newPage();
        logInThroughKeycloak(page, home + "impact-runs/new", "alice");
    }

    @AfterEach
    void finish(TestInfo test) throws InterruptedException {
        screenshot(page, test);
        context.close();
        clock.reset();
        worker.startClaiming();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (QuarkusTransaction.requiringNew().call(
                () -> ImpactRun.count("status in ?1", List.of(RunStatus.QUEUED, RunStatus.RUNNING))) > 0) {
            assertTrue(System.nanoTime() < deadline, "runs still active after 120 s");
            Thread.sleep(200);
        }
    }

    @Test
    void theProgressBarMovesWithoutAPageLoadAndTheResultOpensWhenTheRunIsDone() {
        worker.stopClaiming();
        long run = startRun(page);
        assertThat(page.locator("#run-progress")).hasAttribute("value", "0");
        // The script takes the meta refresh out, so that the page is never reloaded under the user.
        page.waitForFunction("() => document.querySelector('meta[http-equiv=\"refresh\"]') === null");
        page.evaluate("() => { window.sameDocument = true; }");

        assertEquals(run, queue.claim(OTHER_INSTANCE).orElseThrow().runId());
        assertTrue(queue.progress(run, OTHER_INSTANCE, 42, "sensitivity of A-full-offset to its offset factor"));
        page.waitForFunction("() => document.querySelector('#run-progress').value === 42", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        assertThat(page.locator(".run-percent")).hasText("42");
        assertThat(page.locator(".run-stage")).hasText("sensitivity of A-full-offset to its offset factor");
        assertThat(page.locator(".status-badge")).hasText("RUNNING");
        assertEquals(true, page.evaluate("() => window.sameDocument === true"), "the bar moved in the same page");

        assertTrue(queue.progress(run, OTHER_INSTANCE, 77, "explaining the change"));
        page.waitForFunction("() => document.querySelector('#run-progress').value === 77", null,
                new Page.WaitForFunctionOptions().setTimeout(10_000));
        assertEquals(true, page.evaluate("() => window.sameDocument === true"));

        // Leave the page and come back to it from the list of runs: the run went on meanwhile.
        page.navigate(home + "impact-runs");
        page.locator("a[href='/impact-runs/" + run + "']").click();
        page.waitForURL(url -> url.endsWith("/impact-runs/" + run));
        assertThat(page.locator("#run-progress")).hasAttribute("value", "77");
        assertThat(page.locator(".run-stage")).hasText("explaining the change");

        finishOnThisInstance();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Impact of the proposals on", new com.microsoft.playwright.assertions.LocatorAssertions
                        .ContainsTextOptions().setTimeout(60_000));
        assertTrue(page.url().endsWith("/impact-runs/" + run), page.url());
        assertThat(page.locator("#summary")).isVisible();
    }

    @Test
    void withoutScriptTheProgressPageRefreshesItselfUntilTheResult() {
        BrowserContext noScript = browser.newContext(new NewContextOptions().setLocale("en-US")
                .setJavaScriptEnabled(false).setStorageState(context.storageState()));
        try {
            Page plain = noScript.newPage();
            worker.stopClaiming();
            long run = startRun(plain);
            assertThat(plain.locator("meta[http-equiv=refresh]")).hasAttribute("content", "3");
            assertThat(plain.locator("#run-progress")).hasAttribute("value", "0");

            assertEquals(run, queue.claim(OTHER_INSTANCE).orElseThrow().runId());
            assertTrue(queue.progress(run, OTHER_INSTANCE, 60, "explaining the change"));
            assertThat(plain.locator("#run-progress")).hasAttribute("value", "60",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
            assertThat(plain.locator(".run-stage")).hasText("explaining the change");

            finishOnThisInstance();
            assertThat(plain.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Impact of the proposals on", new com.microsoft.playwright.assertions.LocatorAssertions
                            .ContainsTextOptions().setTimeout(60_000));
            assertThat(plain.locator("#summary")).isVisible();
        } finally {
            noScript.close();
        }
    }

    /** Fills the run form and submits it; answers the run's id once its progress page is shown. */
    private long startRun(Page on) {
        long id = portfolio();
        on.navigate(home + "impact-runs/new?portfolio=" + id);
        on.locator("#portfolio").selectOption(String.valueOf(id));
        on.locator("#proposal-A-full-offset").check();
        on.locator("#proposal-C-conservative").check();
        on.locator("#regime-sb").check();
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the run")).click();
        on.waitForURL(url -> url.matches(".*/impact-runs/\\d+$"));
        assertThat(on.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Impact run #");
        assertThat(on.locator(".status-badge")).hasText("QUEUED");
        return Long.parseLong(on.url().substring(on.url().lastIndexOf('/') + 1));
    }

    /**
     * The other instance "dies": its lease runs out and this instance's worker takes the run up and
     * completes it.
     */
    private void finishOnThisInstance() {
        clock.advance(Duration.ofMinutes(5));
        worker.startClaiming();
    }

    /** The sample portfolio (both accounts, cash Treasuries included) of firm-a, uploaded once. */
    private static synchronized long portfolio() {
        if (portfolio == null) {
            String csv;
            try (var in = ImpactRunProgressBrowserTest.class.getResourceAsStream("/portfolio/sample-portfolio.csv")) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            portfolio = given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                    .queryParam("label", "Browser progress book").queryParam("asOf", "2026-11-20")
                    .queryParam("firmCategory", "DUAL_REGISTRANT").body(csv)
                    .when().post("/api/v1/portfolios")
                    .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        }
        return portfolio;
    }
}
