package org.marginconsult.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.marginconsult.portfolio.PositionColumn;
import org.marginconsult.support.TestClock;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload page in a real browser: the script's XHR upload with progress, and the plain form without script. */
@QuarkusTest
class PortfolioUploadBrowserTest extends BrowserTest {


    @TestHTTPResource("/")
    URL home;

    @Inject
    TestClock clock;

    private BrowserContext context;
    private Page page;
    private final List<String> uploadRequests = new CopyOnWriteArrayList<>();
    /** Each state of the progress area the page showed: status text, then the bar's value or "indeterminate". */
    private final List<String> progress = new CopyOnWriteArrayList<>();

    /**
     * Reports every new state of the progress area to {@link #progress}. Installed before any page
     * script runs and kept across navigations, so it also sees the area of a form the script re-rendered.
     */
    private static final String WATCH_PROGRESS = """
            document.addEventListener('DOMContentLoaded', () => {
              let last = '';
              new MutationObserver(() => {
                const box = document.querySelector('.upload-progress');
                const status = document.querySelector('#upload-progress-status');
                const bar = document.querySelector('#upload-progress-bar');
                if (!box || box.hidden || !status || !status.textContent) {
                  return;
                }
                const state = status.textContent + ' | ' + (bar.hasAttribute('value') ? bar.value : 'indeterminate');
                if (state !== last) {
                  last = state;
                  window.noteUploadProgress(state);
                }
              }).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true});
            });
            """;

    @BeforeEach
    void freezeClock() {
        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @AfterEach
    void close(TestInfo test) {
        screenshot(page, test);
        context.close();
        clock.reset();
    }

    private void open(BrowserContext browserContext) {
        context = browserContext;
        page = context.newPage();
        page.onRequest(this::noteUpload);
        page.exposeFunction("noteUploadProgress", args -> progress.add((String) args[0]));
        page.addInitScript(WATCH_PROGRESS);
        logInThroughKeycloak(page, home + "portfolios/new", "alice");
    }

    private void noteUpload(Request request) {
        if ("POST".equals(request.method()) && request.url().endsWith("/portfolios")) {
            uploadRequests.add(request.resourceType());
        }
    }

    private void fill(String label, String resource) {
        page.getByLabel("Label").fill(label);
        page.getByLabel("As-of date").fill("2026-11-20");
        page.getByLabel("Firm category").selectOption("DUAL_REGISTRANT");
        page.getByLabel("Portfolio file").setInputFiles(Path.of("src/test/resources" + resource));
    }

    @Test
    void withTheScriptTheFileGoesUpByXhrWithAProgressBarAndThePageFollowsToThePortfolio() {
        open(browser.newContext());
        String label = "Browser " + UUID.randomUUID().toString().substring(0, 8);
        fill(label, "/portfolio/unknown-underlying.csv");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        page.waitForURL(url -> url.matches(".*/portfolios/\\d+\\?uploaded=1"));
        assertThat(page.locator("p.notice.success")).hasText("Uploaded " + label + " v1: 3 positions, 1 warning (below).");
        assertEquals(List.of("xhr"), uploadRequests);
        assertEquals("Starting upload… | 0", progress.get(0), progress.toString());
        assertTrue(progress.contains("Sent. Checking every line and storing the positions… | indeterminate"),
                progress.toString());
    }

    @Test
    void aLargerFileShowsThePercentageSentOnTheBarWhileItGoesUp() throws IOException {
        open(browser.newContext());
        // About 600 KB sent at 256 KB/s: a couple of seconds of progress events.
        Path file = Path.of("target/e2e/larger-upload.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder(PositionColumn.headerLine()).append('\n');
        for (int i = 1; i <= 7500; i++) {
            csv.append("P").append(i).append(",SECURITIES,STOCK,AAPL,AAPL,").append(i).append(",1,271.40,,,,,,,USD\n");
        }
        Files.writeString(file, csv);
        JsonObject slow = new JsonObject();
        slow.addProperty("offline", false);
        slow.addProperty("latency", 0);
        slow.addProperty("downloadThroughput", -1);
        slow.addProperty("uploadThroughput", 256 * 1024);
        CDPSession devtools = context.newCDPSession(page);
        devtools.send("Network.enable");
        devtools.send("Network.emulateNetworkConditions", slow);
        String label = "Larger " + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Label").fill(label);
        page.getByLabel("As-of date").fill("2026-11-20");
        page.getByLabel("Firm category").selectOption("FCM");
        page.getByLabel("Portfolio file").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        page.waitForURL(url -> url.matches(".*/portfolios/\\d+\\?uploaded=1"), new Page.WaitForURLOptions().setTimeout(60_000));
        assertThat(page.locator("p.notice.success")).hasText("Uploaded " + label + " v1: 7,500 positions, no warnings.");
        List<Integer> percents = progress.stream().map(PERCENT_SENT::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).toList();
        assertTrue(percents.stream().anyMatch(p -> p > 0 && p < 100), progress.toString());
        assertEquals(percents.stream().sorted().toList(), percents, "the bar only moves forward");
    }

    /** "Sent 42% | 42": the status text and the bar agree. */
    private static final Pattern PERCENT_SENT = Pattern.compile("Sent (\\d+)% \\| \\1");

    @Test
    void withTheScriptARefusedUploadShowsItsErrorsInPlaceWithTheProgressArea() {
        open(browser.newContext());
        fill("Browser refused", "/portfolio/bad/decimal-comma.csv");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        assertThat(page.locator("#upload-errors")).containsText("1 problem found");
        assertThat(page.locator("table").last()).containsText("'271,40' uses a decimal comma");
        assertTrue(page.url().endsWith("/portfolios/new"), page.url());
        assertThat(page.getByLabel("Label")).hasValue("Browser refused");
        assertEquals(List.of("xhr"), uploadRequests);
        assertEquals("Starting upload… | 0", progress.get(0), progress.toString());
        assertThat(page.locator(".upload-progress")).isHidden();
        assertThat(page.locator("#upload-errors")).isFocused();
    }

    @Test
    void whenTheSignInHasEndedTheUploadSaysSoKeepsTheFormAndGoesThroughOnceSignedInAgain() {
        open(browser.newContext());
        String label = "Signed out " + UUID.randomUUID().toString().substring(0, 8);
        fill(label, "/portfolio/unknown-underlying.csv");
        // the application's session ends, as after 30 minutes without a request; Keycloak's is kept
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("^q_session")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        assertThat(page.locator("#upload-progress-status")).containsText("Not uploaded: your sign-in has ended");
        assertTrue(page.url().endsWith("/portfolios/new"), page.url());
        assertThat(page.getByLabel("Label")).hasValue(label);

        Page again = context.waitForPage(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("sign in again in a new tab")).click());
        again.waitForURL(url -> url.endsWith("/portfolios/new"));
        again.close();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        page.waitForURL(url -> url.matches(".*/portfolios/\\d+\\?uploaded=1"));
        assertThat(page.locator("p.notice.success")).containsText("Uploaded " + label + " v1: 3 positions");
    }

    @Test
    void withoutScriptThePlainFormUploadsAndRedirects() {
        open(browser.newContext(new NewContextOptions().setJavaScriptEnabled(false).setLocale("en-US")));
        String label = "No script " + UUID.randomUUID().toString().substring(0, 8);
        fill(label, "/portfolio/unknown-underlying.csv");
        assertThat(page.locator(".upload-progress")).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        page.waitForURL(url -> url.matches(".*/portfolios/\\d+\\?uploaded=1"));
        assertThat(page.locator("p.notice.success")).containsText("Uploaded " + label + " v1: 3 positions");
        assertEquals(List.of("document"), uploadRequests);
        assertEquals(List.of(), progress, "no script, no progress area");
    }
}
