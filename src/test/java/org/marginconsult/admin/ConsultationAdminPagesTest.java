package org.marginconsult.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.consultation.seed.ConsultationSeeder;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.PageForms;
import org.marginconsult.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.ConsultationFixtures.asAdmin;

@QuarkusTest
class ConsultationAdminPagesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void publishingShowsTheNewCloseInEasternAndUtcAndRecordsNothingBeforeConfirmation() {
        clock.set(Instant.parse("2026-06-29T12:00:00Z"));
        long id = ConsultationFixtures.createDraft("page-publish");
        String formPath = "/admin/consultations/" + id + "/period/publish";
        var csrf = PageForms.csrfOf(formPath);

        PageForms.form(csrf).formParam("citation", "91 FR 40000").formParam("reason", "Notice published")
                .formParam("publishedOn", "2026-06-30").formParam("periodDays", "60")
                .formParam("expectedEventCount", "0").formParam("step", "preview")
                .post(formPath).then().statusCode(200)
                .body(containsString("<strong>Monday, August 31, 2026 at 11:59:59 PM EDT</strong>"))
                .body(containsString("<strong>2026-09-01 03:59:59 UTC</strong>"))
                .body(containsString("Saturday, August 29, 2026: Saturday; Sunday, August 30, 2026: Sunday"))
                .body(containsString("name=\"step\" value=\"confirm\""));
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("commentPeriod.status", equalTo("draft"));

        Response confirmed = PageForms.form(csrf).formParam("citation", "91 FR 40000")
                .formParam("reason", "Notice published").formParam("publishedOn", "2026-06-30")
                .formParam("periodDays", "60").formParam("expectedEventCount", "0").formParam("step", "confirm")
                .post(formPath);
        assertEquals(303, confirmed.statusCode());
        assertTrue(confirmed.header("Location").endsWith("/admin/consultations/" + id + "?done=publish"),
                confirmed.header("Location"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("commentPeriod.closesAt", equalTo("2026-09-01T03:59:59Z"))
                .body("commentPeriod.events[0].recordedBy", equalTo("ada"));
        given().get("/admin/consultations/" + id + "?done=publish").then().statusCode(200)
                .body(containsString("Publish: the change was recorded in the period history."));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void aPreviewWithoutCitationOrReasonComesBackWithTheErrorsNextToTheFields() {
        long id = ConsultationFixtures.published("page-missing", LocalDate.of(2026, 6, 30), 60);
        clock.set(Instant.parse("2026-08-01T12:00:00Z"));
        String formPath = "/admin/consultations/" + id + "/period/extend";
        var csrf = PageForms.csrfOf(formPath);

        PageForms.form(csrf).formParam("closingDate", "2026-09-30").formParam("step", "preview")
                .post(formPath).then().statusCode(400)
                .body(containsString("<h2>Not recorded</h2>"))
                .body(containsString("id=\"citation\" name=\"citation\" value=\"\" aria-describedby=\"citation-hint\" aria-invalid=\"true\""))
                .body(containsString("<p class=\"field-error\">Required.</p>"))
                .body(containsString("value=\"2026-09-30\""));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anExtensionToAFederalHolidayIsPreviewedWithANoteToCheckTheDateAgainstTheNotice() {
        long id = ConsultationFixtures.published("page-holiday", LocalDate.of(2026, 11, 26), 60);
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));

        previewExtension(id, "91 FR 50000", "Extension requested", "2027-02-15").statusCode(200)
                .body(containsString("<td id=\"closing-day-note\">Monday, February 15, 2027 is not a federal business"
                        + " day (Washington&#39;s Birthday)."))
                .body(containsString("name=\"step\" value=\"confirm\""));
        previewExtension(id, "91 FR 50000", "Extension requested", "2027-02-16").statusCode(200)
                .body(not(containsString("closing-day-note")));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void extendingAClosedPeriodExplainsThatItWouldBeAReopening() {
        long id = ConsultationFixtures.published("page-closed", LocalDate.of(2026, 6, 30), 60);
        clock.set(Instant.parse("2026-09-02T12:00:00Z"));

        previewExtension(id, "91 FR 1", "Late request", "2026-09-30").statusCode(409)
                .body(containsString("A change after the close is a reopening, not an extension."));
    }

    /** The extension form of consultation {@code id} posted for a preview. */
    private static ValidatableResponse previewExtension(long id, String citation, String reason, String closingDate) {
        String formPath = "/admin/consultations/" + id + "/period/extend";
        return PageForms.form(PageForms.csrfOf(formPath)).formParam("citation", citation).formParam("reason", reason)
                .formParam("closingDate", closingDate).formParam("step", "preview").post(formPath).then();
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdministratorCreatesAConsultationWithTheFormAndIsToldWhatIsWrongFirst() {
        var csrf = PageForms.csrfOf("/admin/consultations/new");
        String slug = ConsultationFixtures.uniqueSlug("page-create");

        PageForms.form(csrf).formParam("slug", slug).formParam("title", "").formParam("summary", "Why")
                .formParam("agencies", "SEC").formParam("cftcRin", "3038-AF07").formParam("periodDays", "60")
                .formParam("lateCommentPolicy", "REJECT").formParam("proposals", "no bar here")
                .post("/admin/consultations").then().statusCode(400)
                .body(containsString("The consultation was not saved"))
                .body(containsString("CFTC RIN is given but the CFTC is not an agency"))
                .body(containsString("Line 1: write the proposal id"));

        Response created = PageForms.form(csrf).formParam("slug", slug).formParam("title", "Created in the form")
                .formParam("summary", "First paragraph.\n\nSecond paragraph.").formParam("agencies", "SEC")
                .formParam("agencies", "CFTC").formParam("periodDays", "60").formParam("lateCommentPolicy", "ACCEPT_FLAGGED")
                .formParam("proposals", "A-full-offset | Proposal A\nC-conservative | Proposal C")
                .post("/admin/consultations");
        assertEquals(303, created.statusCode(), created.asString());
        String location = created.header("Location");
        long id = Long.parseLong(location.replaceAll(".*/admin/consultations/(\\d+).*", "$1"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("title", equalTo("Created in the form"))
                .body("commentPeriod.lateCommentPolicy", equalTo("ACCEPT_FLAGGED"))
                .body("proposals.id", org.hamcrest.Matchers.contains("A-full-offset", "C-conservative"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void questionsAreImportedFromAnUploadedFileAfterAPreviewOfTheChanges() {
        long id = ConsultationFixtures.createDraft("page-import");
        String importPath = "/admin/consultations/" + id + "/questions/import";
        var csrf = PageForms.csrfOf(importPath);
        byte[] file = """
                {"sections": [{"id": "s-1", "number": "1", "title": "Offsets",
                  "questions": [{"id": "q-1", "number": "1.1", "text": "Which offsets?"},
                                {"id": "q-2", "number": "1.2", "text": "What cap?", "parts": [{"label": "a", "text": "For futures."}]}]}]}
                """.getBytes(StandardCharsets.UTF_8);

        String preview = PageForms.multipart(csrf).multiPart("file", "questions.json", file, "application/json")
                .multiPart("document", "").multiPart("reason", "The notice's questions").multiPart("citation", "91 FR 1")
                .multiPart("step", "preview")
                .post(importPath).then().statusCode(200)
                .body(containsString("<dt>Added</dt><dd>2 questions</dd>"))
                .extract().asString();
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("sections", hasSize(0));
        String document = PageForms.hiddenValue(preview, "document");
        String fingerprint = PageForms.hiddenValue(preview, "fingerprint");

        Response confirmed = PageForms.multipart(csrf).multiPart("document", document)
                .multiPart("reason", "The notice's questions").multiPart("citation", "91 FR 1")
                .multiPart("fingerprint", fingerprint).multiPart("step", "confirm")
                .post(importPath);
        assertEquals(303, confirmed.statusCode(), confirmed.asString());
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("sections[0].questions.id", org.hamcrest.Matchers.contains("q-1", "q-2"))
                .body("sections[0].questions[1].parts[0].text", equalTo("For futures."));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void aQuestionIsRenumberedInItsFormAndKeepsItsId() {
        long id = ConsultationFixtures.createDraft("page-question");
        asAdmin().body("{\"sections\": [{\"id\": \"s-1\", \"number\": \"1\", \"title\": \"T\", \"questions\": ["
                        + "{\"id\": \"q-1\", \"number\": \"1.1\", \"text\": \"Old text\"}]}]}")
                .queryParam("reason", "Setup").put("/api/v1/admin/consultations/" + id + "/questions").then().statusCode(200);
        String path = "/admin/consultations/" + id + "/questions/q-1/edit";
        var csrf = PageForms.csrfOf(path);

        Response saved = PageForms.form(csrf).formParam("number", "1.2").formParam("text", "New text")
                .formParam("parts", "(a) First part\n(b) Second part").formParam("reason", "Correction notice")
                .post(path);
        assertEquals(303, saved.statusCode(), saved.asString());
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("sections[0].questions[0].id", equalTo("q-1"))
                .body("sections[0].questions[0].number", equalTo("1.2"))
                .body("sections[0].questions[0].parts.label", org.hamcrest.Matchers.contains("a", "b"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void theAdministrationListShowsDraftsAndTheDetailOffersOnlyTheChangesTheStatusAllows() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long draft = ConsultationFixtures.createDraft("page-admin-list");
        long seeded = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);

        given().get("/admin/consultations").then().statusCode(200)
                .body(containsString("/admin/consultations/" + draft + "\""));
        given().get("/admin/consultations/" + seeded).then().statusCode(200)
                .body(containsString("/period/extend\">Extend</a>"))
                .body(containsString("/period/close\">Close early</a>"))
                .body(not(containsString("/period/reopen\"")))
                .body(not(containsString("/period/publish\"")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant")
    void aParticipantIsRefusedOnEveryAdministrationPage() {
        refusedEverywhere(403);
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void staffAreRefusedOnEveryAdministrationPage() {
        refusedEverywhere(403);
    }

    @Test
    void anAnonymousReaderIsSentToLogInOnEveryAdministrationPage() {
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);
        for (String path : adminPages(id)) {
            given().redirects().follow(false).get(path).then().statusCode(302)
                    .header("Location", containsString("/realms/marginconsult/protocol/openid-connect/auth"));
        }
        for (String path : adminPosts(id)) {
            int status = given().redirects().follow(false).formParam("reason", "x").post(path).statusCode();
            assertTrue(status == 302 || status == 401, "POST " + path + " answered " + status);
        }
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("commentPeriod.events", hasSize(1));
    }

    private static void refusedEverywhere(int expected) {
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);
        for (String path : adminPages(id)) {
            given().redirects().follow(false).get(path).then().statusCode(expected);
        }
        for (String path : adminPosts(id)) {
            int status = given().redirects().follow(false).formParam("citation", "c").formParam("reason", "r")
                    .formParam("step", "confirm").post(path).statusCode();
            assertEquals(expected, status, "POST " + path);
        }
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("commentPeriod.events", hasSize(1));
    }

    private static List<String> adminPages(long id) {
        return List.of("/admin/consultations", "/admin/consultations/new", "/admin/consultations/" + id,
                "/admin/consultations/" + id + "/edit", "/admin/consultations/" + id + "/period/close",
                "/admin/consultations/" + id + "/questions/import",
                "/admin/consultations/" + id + "/questions/p-models-1/edit",
                "/admin/consultations/" + id + "/sections/s-models/questions/new", "/admin/audit");
    }

    private static List<String> adminPosts(long id) {
        return List.of("/admin/consultations", "/admin/consultations/" + id + "/edit",
                "/admin/consultations/" + id + "/period/close", "/admin/consultations/" + id + "/period/extend",
                "/admin/consultations/" + id + "/questions/p-models-1/edit",
                "/admin/consultations/" + id + "/sections/s-models/questions/new");
    }
}
