package org.marginconsult.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.CommentFixtures.Q1;
import static org.marginconsult.support.CommentFixtures.Q2;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.impactSummary;
import static org.marginconsult.support.CommentFixtures.openConsultation;
import static org.marginconsult.support.CommentFixtures.openNow;
import static org.marginconsult.support.CommentFixtures.readyDraft;
import static org.marginconsult.support.CommentFixtures.startDraft;

/** The editor, preview and submit pages, used as a browser without script would use them. */
@QuarkusTest
class CommentPagesTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    TestClock clock;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeEach
    void inThePeriod() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A page and the CSRF pair (cookie and hidden field) its forms carry. */
    record Page(String html, String cookie, String token) {
        static Page get(String path) {
            Response r = given().accept("text/html").get(path);
            r.then().statusCode(200);
            Matcher m = CSRF.matcher(r.asString());
            assertTrue(m.find(), "the page has a form with a CSRF token");
            return new Page(r.asString(), r.getCookie("csrf-token"), m.group(1));
        }
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theEditorSavesWithAPlainFormPostAndRedirects() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = startDraft("alice", consultation);
        Page page = Page.get("/comments/" + id);
        assertTrue(page.html().contains("name=\"answer." + Q1 + "\""));
        assertTrue(page.html().contains("action=\"/comments/" + id + "\""), "the form posts to the draft");
        given().cookie("csrf-token", page.cookie()).redirects().follow(false)
                .multiPart("csrf-token", page.token())
                .multiPart("version", "0")
                .multiPart("organization", "Alpha Clearing LLC")
                .multiPart("answer." + Q1, "First point\n\n- a list item\n- <b>not bold</b>")
                .multiPart("action", "save")
                .post("/comments/" + id)
                .then().statusCode(303)
                .header("Location", containsString("/comments/" + id + "?saved=1"));
        as("alice").get("/api/v1/comments/" + id).then()
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("amir"))
                .body("submitter.organization", equalTo("Alpha Clearing LLC"));
        given().accept("text/html").get("/comments/" + id + "?saved=1").then().statusCode(200)
                .body(containsString("Saved as version 1."))
                .body(containsString("&lt;b&gt;not bold&lt;/b&gt;"));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = startDraft("alice", consultation);
        Page page = Page.get("/comments/" + id);
        given().cookie("csrf-token", page.cookie()).redirects().follow(false)
                .multiPart("version", "0").multiPart("organization", "Forged")
                .post("/comments/" + id).then().statusCode(400);
        as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(0));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aStaleSaveShowsWhoChangedWhatAndKeepsBothPeoplesWork() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = startDraft("alice", consultation);
        Page page = Page.get("/comments/" + id);
        // alice saves the cover letter while amir has the form open on version 0
        as("alice").body(Map.of("version", 0, "coverLetter", "Alice's cover letter")).put("/api/v1/comments/" + id)
                .then().statusCode(200);
        String html = given().cookie("csrf-token", page.cookie()).redirects().follow(false)
                .multiPart("csrf-token", page.token())
                .multiPart("version", "0")
                .multiPart("coverLetter", "")
                .multiPart("organization", "Amir's organization")
                .post("/comments/" + id)
                .then().statusCode(409)
                .body(containsString("changed by alice at November 21, 2026 at 10:00:00 AM EST"))
                .extract().asString();
        // here is the difference: the field, its value in the version amir edited, and alice's
        assertTrue(Pattern.compile("<tr><th scope=\"row\">Cover letter</th><td class=\"diff-old\"><pre></pre></td>"
                + "<td class=\"diff-new\"><pre>Alice(&#39;|')s cover letter</pre></td></tr>").matcher(html).find(), html);
        // amir did not touch the cover letter: the form now offers alice's; his organization is kept
        assertTrue(html.contains(">Alice&#39;s cover letter</textarea>") || html.contains(">Alice's cover letter</textarea>"), html);
        assertTrue(html.contains("value=\"Amir&#39;s organization\"") || html.contains("value=\"Amir's organization\""));
        assertTrue(html.contains("name=\"version\" value=\"1\""));
        as("alice").get("/api/v1/comments/" + id).then().body("submitter.organization", equalTo(null));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void thePreviewShowsBothVersionsAndTheSubmitFormFilesOnceThenShowsTheReceipt() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = readyDraft("alice", consultation);
        Page preview = Page.get("/comments/" + id + "/preview");
        assertTrue(preview.html().contains("[Withheld from the public version: confidential treatment requested by Alpha Clearing LLC]"));
        assertTrue(preview.html().contains("Confidential Treatment Requested by Alpha Clearing LLC"));
        assertTrue(preview.html().contains("action=\"/comments/" + id + "/submit\""));
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(preview.html());
        assertTrue(key.find());
        String first = given().cookie("csrf-token", preview.cookie()).redirects().follow(false)
                .formParam("csrf-token", preview.token()).formParam("version", "1").formParam("idempotencyKey", key.group(1))
                .post("/comments/" + id + "/submit")
                .then().statusCode(303).header("Location", matchesPattern(".*/receipts/MC-2026-.*")).extract().header("Location");
        // the same form sent again (a double click) lands on the same receipt
        given().cookie("csrf-token", preview.cookie()).redirects().follow(false)
                .formParam("csrf-token", preview.token()).formParam("version", "1").formParam("idempotencyKey", key.group(1))
                .post("/comments/" + id + "/submit")
                .then().statusCode(303).header("Location", equalTo(first));
        String path = first.substring(first.indexOf("/receipts/"));
        given().accept("text/html").get(path).then().statusCode(200)
                .body(containsString("Tracking number"))
                .body(containsString("November 21, 2026 at 10:00:00 AM EST"))
                .body(containsString("2026-11-21 15:00:00 UTC"))
                .body(containsString("S7-2026-01"))
                .body(containsString("3038-AF99"));
        given().accept("text/html").get(path + "/public").then().statusCode(200)
                .body(not(containsString("41 million")));
        given().accept("text/html").get(path + "/full").then().statusCode(200)
                .body(containsString("41 million"));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void whenTheStoreFailsThePageSaysNotSubmittedTryAgainAndFilesNothing() throws Exception {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = readyDraft("alice", consultation);
        Page preview = Page.get("/comments/" + id + "/preview");
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("create function test_page_store_fails() returns trigger language plpgsql as $$ "
                    + "begin raise exception 'injected storage failure'; end; $$");
            st.execute("create trigger test_page_store_fails before insert on comment_draft_revision "
                    + "for each row execute function test_page_store_fails()");
        }
        try {
            given().cookie("csrf-token", preview.cookie()).redirects().follow(false)
                    .formParam("csrf-token", preview.token()).formParam("version", "1").formParam("idempotencyKey", "page-key-" + id)
                    .post("/comments/" + id + "/submit")
                    .then().statusCode(503)
                    .body(containsString("Not submitted"))
                    .body(containsString("Please try again"))
                    .body(containsString("name=\"idempotencyKey\" value=\"page-key-" + id + "\""));
        } finally {
            try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("drop trigger test_page_store_fails on comment_draft_revision");
                st.execute("drop function test_page_store_fails()");
            }
        }
        as("alice").get("/api/v1/comments/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    @TestSecurity(user = "bella", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-b"))
    void anotherFirmsDraftPageIsNotFound() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = startDraft("alice", consultation);
        given().accept("text/html").get("/comments/" + id).then().statusCode(404);
        given().accept("text/html").get("/comments/" + id + "/preview").then().statusCode(404);
        given().accept("text/html").get("/comments").then().statusCode(200)
                .body(not(containsString("href=\"/comments/" + id + "\"")));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void eachQuestionOffersTheFirmsOwnImpactSummariesAsCheckboxesAndTheTickedOnesAreAttachedWithoutScript() {
        clock.reset(); // the impact worker runs on the real clock
        long consultation = openNow();
        long ours = impactSummary("alice", "Picker book of firm A");
        long theirs = impactSummary("bella", "Picker book of firm B");
        long id = startDraft("alice", consultation);

        Page page = Page.get("/comments/" + id);
        String checkbox = "<input type=\"checkbox\" id=\"summary-" + Q1 + "-" + ours + "\" name=\"summary." + Q1 + "\" value=\"" + ours + "\"";
        assertTrue(page.html().contains(checkbox + ">"), "offered, not ticked: " + page.html());
        assertTrue(page.html().contains("id=\"summary-" + Q2 + "-" + ours + "\""), "offered under every question");
        assertTrue(page.html().contains("Impact summary " + ours + ": Margin today versus 1 proposal"), "its label");
        assertTrue(page.html().contains("Picker book of firm A (version 1)"), "its portfolio");
        assertTrue(page.html().contains(", by alice"), "who created it");
        assertTrue(Pattern.compile("Today [0-9,]+\\.\\d\\d<br>").matcher(page.html()).find(), "its totals");
        assertFalse(page.html().contains("summary-" + Q1 + "-" + theirs + "\""), "never another firm's summary");
        assertFalse(page.html().contains("Picker book of firm B"), "never another firm's portfolio");

        given().cookie("csrf-token", page.cookie()).redirects().follow(false)
                .multiPart("csrf-token", page.token()).multiPart("version", "0")
                .multiPart("summariesListed." + Q1, "1").multiPart("summary." + Q1, String.valueOf(ours))
                .multiPart("summariesListed." + Q2, "1")
                .multiPart("action", "save")
                .post("/comments/" + id).then().statusCode(303);
        String coverLetter = as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1))
                .body("summaries." + Q1, contains((int) ours)).extract().path("coverLetter");
        Page saved = Page.get("/comments/" + id);
        assertTrue(saved.html().contains(checkbox + " checked>"), "ticked after the save");
        assertTrue(saved.html().contains("<caption>Impact summary " + ours + ": Margin today versus 1 proposal"), "its table inline");
        assertTrue(saved.html().contains("<figure class=\"chart\"><svg"), "and its chart inline");

        // a forged form naming another firm's summary is refused by name, and nothing is saved
        given().cookie("csrf-token", saved.cookie()).redirects().follow(false)
                .multiPart("csrf-token", saved.token()).multiPart("version", "1")
                .multiPart("coverLetter", "Should not be saved")
                .multiPart("summariesListed." + Q1, "1").multiPart("summary." + Q1, String.valueOf(theirs))
                .multiPart("action", "save")
                .post("/comments/" + id).then().statusCode(400)
                .body(containsString("There is no impact summary " + theirs + " of your firm"))
                .body(not(containsString("Picker book of firm B")));
        given().cookie("csrf-token", saved.cookie()).redirects().follow(false)
                .multiPart("csrf-token", saved.token()).multiPart("version", "1")
                .multiPart("summariesListed." + Q1, "1").multiPart("summary." + Q1, "not-a-number")
                .multiPart("action", "save")
                .post("/comments/" + id).then().statusCode(400)
                .body(containsString("There is no impact summary -1 of your firm"));
        as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1))
                .body("coverLetter", equalTo(coverLetter))
                .body("summaries." + Q1, contains((int) ours));

        // ticking nothing detaches it
        given().cookie("csrf-token", saved.cookie()).redirects().follow(false)
                .multiPart("csrf-token", saved.token()).multiPart("version", "1")
                .multiPart("summariesListed." + Q1, "1")
                .multiPart("action", "save")
                .post("/comments/" + id).then().statusCode(303);
        as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(2))
                .body("summaries." + Q1, org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                        org.hamcrest.Matchers.empty()));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theVersionHistoryPageListsEverySaveWithWhoWhenAndTheDifference() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = startDraft("alice", consultation);
        as("alice").body(Map.of("version", 0, "organization", "Alpha")).put("/api/v1/comments/" + id).then().statusCode(200);
        clock.advance(java.time.Duration.ofMinutes(5));
        as("amir").body(Map.of("version", 1, "organization", "Alpha Clearing LLC", "coverLetter", "Dear Secretaries"))
                .put("/api/v1/comments/" + id).then().statusCode(200);
        String html = given().accept("text/html").get("/comments/" + id + "/history").then().statusCode(200).extract().asString();
        String v2 = html.substring(html.indexOf("id=\"version-2\""), html.indexOf("id=\"version-1\""));
        assertTrue(v2.contains("<td>amir</td>") && v2.contains("November 21, 2026 at 10:05:00 AM EST"), v2);
        assertTrue(v2.contains("The difference from version 1"), v2);
        assertTrue(v2.contains("<th scope=\"row\">Organization</th><td class=\"diff-old\"><pre>Alpha</pre></td>"
                + "<td class=\"diff-new\"><pre>Alpha Clearing LLC</pre></td>"), v2);
        assertTrue(v2.contains("<th scope=\"row\">Cover letter</th><td class=\"diff-old\"><pre></pre></td>"
                + "<td class=\"diff-new\"><pre>Dear Secretaries</pre></td>"), v2);
        String v1 = html.substring(html.indexOf("id=\"version-1\""), html.indexOf("id=\"version-0\""));
        assertTrue(v1.contains("<td>alice</td>") && v1.contains("November 21, 2026 at 10:00:00 AM EST"), v1);
        assertTrue(html.substring(html.indexOf("id=\"version-0\"")).contains("Started the comment"));
        given().accept("text/html").get("/comments/" + id).then().statusCode(200)
                .body(containsString("href=\"/comments/" + id + "/history\""));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theEditorOffersTheTenSubmitterCategories() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = startDraft("alice", consultation);
        String html = Page.get("/comments/" + id).html();
        for (SubmitterCategory c : SubmitterCategory.values()) {
            assertTrue(html.contains("<option value=\"" + c.name() + "\">" + c.label() + "</option>"), c.name());
        }
        assertTrue(html.contains(">Clearing agency or derivatives clearing organization (DCO)</option>"));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void thePreviewShowsExactlyWhatIsFiledInBothVersions() {
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long id = readyDraft("alice", consultation);
        Page preview = Page.get("/comments/" + id + "/preview");
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(preview.html());
        assertTrue(key.find());
        String receipt = given().cookie("csrf-token", preview.cookie()).redirects().follow(false)
                .formParam("csrf-token", preview.token()).formParam("version", "1").formParam("idempotencyKey", key.group(1))
                .post("/comments/" + id + "/submit").then().statusCode(303).extract().header("Location");
        String path = receipt.substring(receipt.indexOf("/receipts/"));
        for (String edition : List.of("full", "public")) {
            String previewed = article(preview.html(), edition);
            String filed = article(given().accept("text/html").get(path + "/" + edition).then().statusCode(200).extract().asString(),
                    edition)
                    // the tracking number is the one thing only a filing has
                    .replaceAll("\\s*<dt>Tracking number</dt><dd class=\"tracking\">[^<]+</dd>", "");
            assertEquals(previewed, filed, edition + " version");
        }
    }

    static String article(String html, String edition) {
        Matcher m = Pattern.compile("<article class=\"filing filing-" + edition + "\">.*?</article>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the " + edition + " version is on the page");
        return m.group();
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void staffAreNotOfferedToStartACommentTheirRoleCannotFile() {
        given().accept("text/html").when().get("/comments").then().statusCode(403)
                .body(containsString("Not allowed"))
                .body(not(containsString("Start or open your firm's comment")));
    }
}
