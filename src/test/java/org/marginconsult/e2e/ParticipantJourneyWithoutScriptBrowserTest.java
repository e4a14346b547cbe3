package org.marginconsult.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.CommentFixtures.Q1;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.openNow;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.marginconsult.support.TestClock;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A participant's whole journey through the pages with JavaScript off, as the brief asks pages to work:
 * upload a portfolio, run an impact study, save its summary, attach it to an answer, preview and file the
 * comment. Each step uses the buttons and links the pages show, so a form that posts to the wrong place
 * (the summary's did, once) fails here.
 */
@QuarkusTest
class ParticipantJourneyWithoutScriptBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL home;

    @Inject
    TestClock clock;

    private BrowserContext signIn;
    private BrowserContext plain;
    private Page page;

    @AfterEach
    void close(TestInfo test) {
        if (page != null) {
            screenshot(page, test);
        }
        if (plain != null) {
            plain.close();
        }
        if (signIn != null) {
            signIn.close();
        }
    }

    private com.microsoft.playwright.Locator exact(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static long idAfter(String url, String path) {
        Matcher m = Pattern.compile(path + "(\\d+)").matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    private static Path portfolioFile() throws IOException {
        // the sample book without cash Treasuries, which a portfolio-margin study refuses
        StringBuilder csv = new StringBuilder();
        try (InputStream in = ParticipantJourneyWithoutScriptBrowserTest.class.getResourceAsStream("/portfolio/sample-portfolio.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.contains(",TREASURY,")) {
                    csv.append(line).append("\r\n");
                }
            }
        }
        Path file = Path.of("target/e2e/journey-portfolio.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void withoutScriptAParticipantUploadsRunsSavesTheSummaryAttachesItAndFilesTheComment() throws IOException {
        clock.reset(); // the impact worker runs on the real clock; the consultation is open today
        long consultation = openNow();
        String label = "Journey " + UUID.randomUUID().toString().substring(0, 8);

        signIn = browser.newContext();
        logInThroughKeycloak(signIn.newPage(), home + "portfolios/new", "bella");
        plain = browser.newContext(new NewContextOptions().setLocale("en-US").setJavaScriptEnabled(false)
                .setStorageState(signIn.storageState()));
        page = plain.newPage();

        // Upload: the plain multipart form.
        page.navigate(home + "portfolios/new");
        page.getByLabel("Label").fill(label);
        page.getByLabel("As-of date").fill("2026-11-20");
        page.getByLabel("Firm category").selectOption("FCM");
        page.getByLabel("Portfolio file").setInputFiles(portfolioFile());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and upload")).click();
        page.waitForURL(url -> url.matches(".*/portfolios/\\d+\\?uploaded=1"));
        long portfolio = idAfter(page.url(), "/portfolios/");

        // Impact run against the consultation's proposal; the progress page refreshes itself to the result.
        page.navigate(home + "impact-runs/new");
        exact("Portfolio").selectOption(String.valueOf(portfolio));
        exact("Consultation").selectOption(String.valueOf(consultation));
        // without script the form cannot narrow the proposals to the consultation's: the user unticks them
        page.locator("#proposal-A-full-offset").uncheck();
        page.locator("#proposal-B-80pct-capped").check();
        page.locator("#proposal-C-conservative").uncheck();
        page.locator("#regime-pm").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the run")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Impact of the proposals on", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));

        // The summary: previewed, then created with the page's own button.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Prepare the impact summary for a comment")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create this impact summary")).click();
        page.waitForURL(url -> url.matches(".*/impact-summaries/\\d+.*"));
        long summary = idAfter(page.url(), "/impact-summaries/");

        // The comment: started from the list, written, the summary attached to question 1.1, saved.
        page.navigate(home + "comments");
        page.locator("form:has(input[name=consultationId][value='" + consultation + "']) button").click();
        page.waitForURL(url -> url.matches(".*/comments/\\d+.*"));
        long draft = idAfter(page.url(), "/comments/");
        exact("Organization").fill("Beta Futures LLC");
        exact("Category").selectOption("FCM");
        exact("Contact name").fill("Bella Broker");
        exact("Contact e-mail").fill("bella@beta.example");
        page.getByLabel("Commodity Futures Trading Commission (CFTC)").check();
        exact("Cover letter").fill("Dear Secretaries,\n\nOur figures are attached to question 1.1.");
        page.locator("#answer-" + Q1).fill("We run SPAN for futures and TIMS for securities.");
        page.locator("#summary-" + Q1 + "-" + summary).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and preview")).click();

        // Preview, then file.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Preview: exactly what will be filed");
        assertThat(page.locator("body")).containsText("We run SPAN for futures and TIMS for securities.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Submit this comment"))).click();
        page.waitForURL(url -> url.matches(".*/receipts/MC-.*"));
        String tracking = page.locator("#tracking-number").textContent().strip();

        // What was filed: the comment, with the summary attached to question 1.1.
        as("bella").get("/api/v1/receipts/" + tracking).then().statusCode(200);
        as("bella").get("/api/v1/comments/" + draft).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"))
                .body("summaries.'" + Q1 + "'", org.hamcrest.Matchers.contains((int) summary));
    }
}
