package org.marginconsult.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
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

@QuarkusTest
class CommentApiTest {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 11, 2);
    static final Instant DURING = Instant.parse("2026-11-21T15:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @Inject
    CommentService comments;

    @Inject
    ImpactSummaries summaries;

    @BeforeEach
    void inThePeriod() {
        clock.set(DURING);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ExtractableResponse<Response> submit(String user, long draftId, String key) {
        return as(user).header("Idempotency-Key", key).post("/api/v1/comments/" + draftId + "/submit").then().extract();
    }

    @Test
    void startingACommentGives201AndAnEmptyDraftOwnedByTheFirm() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        as("alice").body(Map.of("consultationId", consultation)).post("/api/v1/comments")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/comments/\\d+"))
                .body("firm", equalTo("firm-a"))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("agencies", contains("SEC", "CFTC"));
    }

    @Test
    void everyParticipantOfTheFirmEditsTheSameDraft() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("amir").body(Map.of("consultationId", consultation)).post("/api/v1/comments")
                .then().statusCode(409).body("draftId", equalTo((int) id));
        as("amir").body(Map.of("version", 0, "coverLetter", "Amir's first paragraph."))
                .put("/api/v1/comments/" + id).then().statusCode(200).body("version", equalTo(1))
                .body("updatedBy", equalTo("amir"));
        as("alice").get("/api/v1/comments/" + id).then().statusCode(200)
                .body("coverLetter", equalTo("Amir's first paragraph."));
    }

    @Test
    void aNulCharacterInACoverLetterOrAnswerIsRefusedOnItsFieldAndNothingIsSaved() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("alice").body(Map.of("version", 0, "coverLetter", "Pasted\u0000text",
                        "answers", List.of(Map.of("questionId", Q1, "text", "An answer\u0000"))))
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.coverLetter", equalTo("The cover letter contains a NUL character (U+0000), which cannot"
                        + " be stored: remove it."))
                .body("errors.'answers." + Q1 + "'", equalTo("The answer contains a NUL character (U+0000), which"
                        + " cannot be stored: remove it."));
        as("alice").get("/api/v1/comments/" + id).then().statusCode(200)
                .body("version", equalTo(0))
                .body("answers", hasSize(0));
    }

    @Test
    void aNullInAListOfTheDraftIsRefusedOnItsFieldNotAServerError() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("alice").body("{\"version\": 0, \"answers\": [null], \"agencies\": [\"SEC\", null],"
                        + " \"summaries\": {\"" + Q1 + "\": [null]}}")
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.answers", equalTo("An answer is null: leave it out instead."))
                .body("errors.agencies", equalTo("An agency is null: leave it out instead."))
                .body("errors.'summaries." + Q1 + "'", equalTo("The impact summaries of question " + Q1
                        + " must be a list of summary ids, without null."));
        as("alice").get("/api/v1/comments/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedWithItsPathAndWhatItExpects() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("alice").body(Map.of("version", 0, "answers", List.of(Map.of("questionId", Q1, "confidential", "maybe"))))
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("message", equalTo("answers[0].confidential must be true or false, got 'maybe'; nothing was"
                        + " saved."));
        as("alice").body(Map.of("version", "x")).put("/api/v1/comments/" + id).then().statusCode(400)
                .body("message", equalTo("version must be a whole number, got 'x'; nothing was saved."));
        as("alice").body("{\"version\": 0, \"coverLetter\": ").put("/api/v1/comments/" + id).then().statusCode(400)
                .body("message", startsWith("The body is not valid JSON at line 1, column "));
    }

    @Test
    void aSaveOnAnOlderVersionIsRefusedWith409NamingWhoChangedWhatAndWhen() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("alice").body(Map.of("version", 0, "answers", List.of(Map.of("questionId", Q1, "text", "Alice's answer"))))
                .put("/api/v1/comments/" + id).then().statusCode(200).body("version", equalTo(1));
        // amir still edits version 0
        as("amir").body(Map.of("version", 0, "answers", List.of(Map.of("questionId", Q1, "text", "Amir's answer"))))
                .put("/api/v1/comments/" + id).then().statusCode(409)
                .body("changedBy", equalTo("alice"))
                .body("changedAt", equalTo(DURING.toString()))
                .body("yourVersion", equalTo(0))
                .body("currentVersion", equalTo(1))
                .body("message", containsString("changed by alice"))
                .body("differences.field", contains("answers." + Q1))
                .body("differences[0].label", equalTo("Answer to question 1.1"))
                .body("differences[0].yourVersion", equalTo(""))
                .body("differences[0].current", equalTo("Alice's answer"));
        as("alice").get("/api/v1/comments/" + id).then().body("answers[0].text", equalTo("Alice's answer"));
    }

    @Test
    void theVersionHistoryListsEverySaveWithWhoAndWhat() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("alice").body(Map.of("version", 0, "organization", "Alpha")).put("/api/v1/comments/" + id).then().statusCode(200);
        as("amir").body(Map.of("version", 1, "coverLetter", "Hello")).put("/api/v1/comments/" + id).then().statusCode(200);
        as("alice").get("/api/v1/comments/" + id + "/history").then().statusCode(200)
                .body("version", contains(2, 1, 0))
                .body("savedBy", contains("amir", "alice", "alice"))
                .body("summary", contains("Changed Cover letter", "Changed Organization", "Started the comment"));
    }

    @Test
    void aConfidentialAnswerWithoutGroundsIsRefusedAndNothingIsSaved() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        as("alice").body(Map.of("version", 0, "organization", "Alpha",
                        "answers", List.of(Map.of("questionId", Q2, "text", "Secret", "confidential", true))))
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.'answers." + Q2 + ".grounds'", containsString("grounds"));
        as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(0))
                .body("submitter.organization", equalTo(null)).body("answers", hasSize(0));
    }

    @Test
    void anotherFirmAndStaffGet404ForADraftTheyDoNotOwn() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        for (String outsider : List.of("bella", "sam")) {
            as(outsider).get("/api/v1/comments/" + id).then().statusCode(404);
            as(outsider).body(Map.of("version", 1, "coverLetter", "overwritten")).put("/api/v1/comments/" + id)
                    .then().statusCode(404);
            as(outsider).get("/api/v1/comments/" + id + "/history").then().statusCode(404);
            submit(outsider, id, "k-" + outsider).response().then().statusCode(404);
        }
        as("bella").get("/api/v1/comments").then().statusCode(200).body("id", not(hasItem((int) id)));
        as("alice").get("/api/v1/comments/" + id).then().statusCode(200).body("coverLetter", not(containsString("overwritten")));
    }

    @Test
    void filesAreUploadedAsMultipartWithABearerTokenAndTypedByContent() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        byte[] csv = "account,today,proposal\nsecurities,1200000,950000\n".getBytes(StandardCharsets.UTF_8);
        byte[] pdfNamedCsv = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0,\"newFiles\":[{\"fileName\":\"impact.csv\",\"confidential\":true,"
                        + "\"grounds\":\"Trade secrets, 17 CFR 200.83\"}]}", "application/json")
                .multiPart("file", "impact.csv", csv, "text/csv")
                .multiPart("file", "looks-like.csv", pdfNamedCsv, "text/csv")
                .put("/api/v1/comments/" + id)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("attachments.fileName", contains("impact.csv", "looks-like.csv"))
                .body("attachments.kind", contains("CSV", "PDF"))
                .body("attachments[0].confidential", equalTo(true))
                .body("attachments[0].sha256", equalTo(FilingBuilder.sha256(csv)));
    }

    /** The first bytes of a Windows executable: none of the accepted types, whatever the file is called. */
    static final byte[] EXECUTABLE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};

    @Test
    void aFileThatIsNoneOfTheAcceptedTypesIsRefusedWhateverItsName() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0}", "application/json")
                .multiPart("file", "letter.pdf", EXECUTABLE, "application/pdf")
                .put("/api/v1/comments/" + id)
                .then().statusCode(400)
                .body("errors.attachments", containsString("letter.pdf is not a PDF, DOCX, XLSX or CSV file"));
        as("alice").get("/api/v1/comments/" + id).then().body("attachments", hasSize(0)).body("version", equalTo(0));
    }

    @Test
    void everyBadFileIsNamedNotOnlyTheLastOne() {
        long id = startDraft("alice", openConsultation("REJECT", PUBLISHED, 60));
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0, \"removeAttachments\": [999002, 999001],"
                        + " \"summaries\": {\"" + Q1 + "\": [999004, 999003]}}", "application/json")
                .multiPart("file", "letter.pdf", EXECUTABLE, "application/pdf")
                .multiPart("file", "empty.csv", new byte[0], "text/csv")
                .put("/api/v1/comments/" + id)
                .then().statusCode(400)
                .body("errors.attachments", equalTo("There is no attachment 999002 on this comment."
                        + " There is no attachment 999001 on this comment."
                        + " letter.pdf is not a PDF, DOCX, XLSX or CSV file (judged by its content, not its name)."
                        + " empty.csv is empty."))
                .body("errors.'summaries." + Q1 + "'", equalTo("There is no impact summary 999003 of your firm."
                        + " There is no impact summary 999004 of your firm."));
        as("alice").get("/api/v1/comments/" + id).then().body("attachments", hasSize(0)).body("version", equalTo(0));
    }

    @Test
    void theTwentyFirstFileIsRefused() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        var request = given().auth().oauth2(Tokens.accessToken("alice")).multiPart("comment", "{\"version\":0}", "application/json");
        for (int i = 1; i <= 21; i++) {
            request = request.multiPart("file", "table-" + i + ".csv", ("n,v\n" + i + ",1\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        request.put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.attachments", containsString("at most 20 files"));
    }

    @Test
    void submittingGives201WithTrackingNumberReceivedAtHashAndLateFlag() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        var response = submit("alice", id, UUID.randomUUID().toString());
        assertEquals(201, response.statusCode());
        String tracking = response.path("trackingNumber");
        assertTrue(TrackingNumber.parse(tracking).isPresent(), tracking);
        assertEquals(DURING.toString(), response.path("receivedAt"));
        assertEquals(false, response.path("late"));
        String sha = response.path("sha256");
        as("amir").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("trackingNumber", equalTo(tracking))
                .body("sha256", equalTo(sha))
                .body("receivedAtEastern", equalTo("November 21, 2026 at 10:00:00 AM EST"))
                .body("agencies", contains("SEC", "CFTC"))
                .body("identifiers.value", hasItem("S7-2026-01"))
                .body("identifiers.value", hasItem("3038-AF99"))
                .body("receiptIssuedAt", equalTo(DURING.toString()));
    }

    @Test
    void aSubmitWithoutABodyOrContentTypeIsFiledSinceTheBodyIsOptional() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        given().auth().oauth2(Tokens.accessToken("alice")).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post("/api/v1/comments/" + id + "/submit")
                .then().statusCode(201)
                .body("trackingNumber", startsWith("MC-2026-"));
    }

    @Test
    void theResponseTheReceiptAndTheFiledDocumentStateTheSameReceivedAtInstant() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        clock.set(Instant.parse("2026-11-21T15:00:00.123456789Z"));
        var response = submit("alice", id, UUID.randomUUID().toString());
        assertEquals(201, response.statusCode());
        String tracking = response.path("trackingNumber");
        String receivedAt = response.path("receivedAt");
        assertEquals("2026-11-21T15:00:00.123456Z", receivedAt);
        as("alice").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("receivedAt", equalTo(receivedAt));
        String fullDoc = (String) em.createNativeQuery("select full_document from comment_submission where tracking_number = ?1")
                .setParameter(1, tracking).getSingleResult();
        assertTrue(fullDoc.contains("\"receivedAt\":\"" + receivedAt + "\""), fullDoc);
    }

    @Test
    void aWithdrawalRequestAndItsDecisionStateTheSameInstantsInTheirAnswersAsOnTheReceipt() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        String tracking = submit("alice", id, UUID.randomUUID().toString()).path("trackingNumber");
        clock.set(Instant.parse("2026-11-21T15:05:00.123456789Z"));
        var requested = as("alice").body(Map.of("reason", "Filed twice by mistake"))
                .post("/api/v1/receipts/" + tracking + "/withdrawal-requests").then().statusCode(201).extract();
        clock.set(Instant.parse("2026-11-21T16:00:00.987654321Z"));
        Number requestId = requested.path("id");
        String decidedAt = as("sam").body(Map.of("grant", false, "note", "Kept on the docket"))
                .post("/api/v1/withdrawal-requests/" + requestId + "/decision").then().statusCode(200)
                .extract().path("decidedAt");
        assertEquals("2026-11-21T15:05:00.123456Z", requested.path("requestedAt"));
        assertEquals("2026-11-21T16:00:00.987654Z", decidedAt);
        as("alice").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("withdrawalRequests[0].requestedAt", equalTo("2026-11-21T15:05:00.123456Z"))
                .body("withdrawalRequests[0].decidedAt", equalTo(decidedAt));
    }

    @Test
    void aSubmitWithoutIdempotencyKeyIsRefused() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        as("alice").post("/api/v1/comments/" + id + "/submit").then().statusCode(400)
                .body("message", containsString("Idempotency-Key"));
    }

    @Test
    void aRetriedSubmitWithTheSameKeyReturnsTheSameSubmission() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        String key = UUID.randomUUID().toString();
        var first = submit("alice", id, key);
        clock.advance(Duration.ofMinutes(3));
        var retry = submit("alice", id, key);
        assertEquals(201, retry.statusCode());
        assertEquals(first.<String>path("trackingNumber"), retry.path("trackingNumber"));
        assertEquals(first.<String>path("receivedAt"), retry.path("receivedAt"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1L, count("select count(*) from comment_submission where draft_id = " + id));
    }

    @Test
    void aSubmittedCommentCannotBeEdited() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        submit("alice", id, UUID.randomUUID().toString());
        as("alice").body(Map.of("version", 2, "coverLetter", "Changed after filing"))
                .put("/api/v1/comments/" + id).then().statusCode(409)
                .body("message", containsString("cannot change"));
    }

    @Test
    void confidentialTextNeverAppearsInThePublicVersion() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        String tracking = submit("alice", id, UUID.randomUUID().toString()).path("trackingNumber");
        String publicDoc = (String) em.createNativeQuery("select public_document from comment_submission where tracking_number = ?1")
                .setParameter(1, tracking).getSingleResult();
        String fullDoc = (String) em.createNativeQuery("select full_document from comment_submission where tracking_number = ?1")
                .setParameter(1, tracking).getSingleResult();
        assertTrue(fullDoc.contains("USD 41 million"));
        assertTrue(fullDoc.contains("Confidential Treatment Requested by Alpha Clearing LLC"));
        assertFalse(publicDoc.contains("41 million"), publicDoc);
        assertFalse(publicDoc.contains("145.9(d)(1)(ii)"), "grounds stay out of the public version");
        assertFalse(publicDoc.contains("alice@alpha.example"), "contact details stay out of the public version");
        assertTrue(publicDoc.contains("[Withheld from the public version: confidential treatment requested by Alpha Clearing LLC]"));
        assertTrue(publicDoc.contains("TIMS and SPAN"));
    }

    @Test
    void anImpactSummaryOfTheFirmIsAttachedToAQuestionAndFiledAsATable() throws Exception {
        clock.reset(); // the impact worker runs on the real clock
        long consultation = openNow();
        long summary = impactSummary("alice", "Comment test book");

        long draft = readyDraft("alice", consultation);
        as("alice").body(Map.of("version", 1, "summaries", Map.of(Q1, List.of(summary))))
                .put("/api/v1/comments/" + draft).then().statusCode(200)
                .body("summaries." + Q1, contains((int) summary));
        long bellas = startDraft("bella", consultation);
        as("bella").body(Map.of("version", 0, "summaries", Map.of(Q1, List.of(summary))))
                .put("/api/v1/comments/" + bellas).then().statusCode(400)
                .body("errors.'summaries." + Q1 + "'", containsString("no impact summary " + summary + " of your firm"));

        String tracking = submit("alice", draft, UUID.randomUUID().toString()).path("trackingNumber");
        String publicDoc = (String) em.createNativeQuery("select public_document from comment_submission where tracking_number = ?1")
                .setParameter(1, tracking).getSingleResult();
        assertTrue(publicDoc.contains("\"impact\":[{\"id\":" + summary), publicDoc);
        assertTrue(publicDoc.contains("Margin today versus 1 proposal"), publicDoc);
        assertTrue(publicDoc.contains("B-80pct-capped"), publicDoc);
        String chart = summaries.chart(summary, "firm-a").orElseThrow().svg();
        assertTrue(chart.startsWith("<svg") && chart.contains("Today"), chart);
        assertTrue(summaries.chart(summary, "firm-b").isEmpty(), "never another firm's summary");
    }

    @Test
    void theDeadlineRemindersLearnWhichFirmsStillHaveAnUnsubmittedDraft() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        assertEquals(java.util.Set.of(), comments.firmsWithUnsubmittedDraft(consultation));
        long alices = readyDraft("alice", consultation);
        startDraft("bella", consultation);
        assertEquals(java.util.Set.of("firm-a", "firm-b"), comments.firmsWithUnsubmittedDraft(consultation));
        submit("alice", alices, UUID.randomUUID().toString());
        assertEquals(java.util.Set.of("firm-b"), comments.firmsWithUnsubmittedDraft(consultation));
    }

    @Test
    void anotherFirmCanNeitherReadNorEditNorSubmitADraftAndLearnsNothingOfIt() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        as("bella").get("/api/v1/comments/" + id).then().statusCode(404).body(not(containsString("Alpha")));
        as("bella").get("/api/v1/comments/" + id + "/history").then().statusCode(404);
        as("bella").body(Map.of("version", 1, "coverLetter", "Bella was here")).put("/api/v1/comments/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("bella"))
                .multiPart("comment", "{\"version\":1}", "application/json")
                .multiPart("file", "b.csv", "n,v\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .put("/api/v1/comments/" + id).then().statusCode(404);
        submit("bella", id, UUID.randomUUID().toString()).response().then().statusCode(404);
        as("bella").get("/api/v1/comments").then().statusCode(200).body("id", not(hasItem((int) id)));
        as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1)).body("status", equalTo("DRAFT"))
                .body("coverLetter", not(containsString("Bella")));
    }

    @Test
    void aConfidentialFileWithoutGroundsIsRefusedWhetherNewOrAlreadyAttachedAndNothingIsSaved() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        byte[] csv = "desk,margin\nrates,1\n".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0,\"newFiles\":[{\"fileName\":\"book.csv\",\"confidential\":true}]}",
                        "application/json")
                .multiPart("file", "book.csv", csv, "text/csv")
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.attachments", containsString("Confidential file book.csv needs the grounds"));
        as("alice").get("/api/v1/comments/" + id).then().body("attachments", hasSize(0)).body("version", equalTo(0));

        Number fileId = given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0}", "application/json")
                .multiPart("file", "book.csv", csv, "text/csv")
                .put("/api/v1/comments/" + id).then().statusCode(200).extract().path("attachments[0].id");
        as("alice").body(Map.of("version", 1, "attachmentFlags", List.of(Map.of("id", fileId, "confidential", true, "grounds", " "))))
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.'attachments." + fileId + ".grounds'", containsString("needs the grounds"));
        as("alice").get("/api/v1/comments/" + id).then().body("version", equalTo(1))
                .body("attachments[0].confidential", equalTo(false));
    }

    @Test
    void aFileOfTenMegabytesIsAcceptedAndOneByteMoreIsRefused() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        byte[] tenMegabytes = csvOfSize(10 * 1024 * 1024);
        byte[] oneByteMore = csvOfSize(10 * 1024 * 1024 + 1);
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0}", "application/json")
                .multiPart("file", "too-big.csv", oneByteMore, "text/csv")
                .put("/api/v1/comments/" + id).then().statusCode(400)
                .body("errors.attachments", containsString("too-big.csv is 10485761 bytes; files are limited to 10 MB (10485760 bytes)"));
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":0}", "application/json")
                .multiPart("file", "just-fits.csv", tenMegabytes, "text/csv")
                .put("/api/v1/comments/" + id).then().statusCode(200)
                .body("attachments.fileName", contains("just-fits.csv"))
                .body("attachments[0].sizeBytes", equalTo(10 * 1024 * 1024))
                .body("attachments[0].sha256", equalTo(FilingBuilder.sha256(tenMegabytes)));
    }

    /** A well-formed two-column CSV of exactly {@code size} bytes. */
    static byte[] csvOfSize(int size) {
        StringBuilder csv = new StringBuilder("position,margin\n");
        int row = 0;
        while (csv.length() < size - 40) {
            csv.append(row).append(',').append(row * 7 % 1000).append('\n');
            row++;
        }
        String last = row + ",";
        int digits = size - csv.length() - last.length() - 1;
        csv.append(last).append("1".repeat(digits)).append('\n');
        byte[] bytes = csv.toString().getBytes(StandardCharsets.US_ASCII);
        assertEquals(size, bytes.length);
        return bytes;
    }

    @Test
    void aCommentFiledWithTheCftcOnlyCarriesTheCftcIdentifiersAndNotTheSecs() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = readyDraft("alice", consultation);
        as("alice").body(Map.of("version", 1, "agencies", List.of("CFTC"))).put("/api/v1/comments/" + id)
                .then().statusCode(200).body("agencies", contains("CFTC"));
        String tracking = submit("alice", id, UUID.randomUUID().toString()).path("trackingNumber");
        as("alice").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("agencies", contains("CFTC"))
                .body("identifiers.agency", not(hasItem("SEC")))
                .body("identifiers.value", hasItem("3038-AF99"))
                .body("identifiers.value", not(hasItem("S7-2026-01")));
    }

    @Test
    void theSubmitterCategoryIsOneOfTheTenTheAgenciesUse() {
        long consultation = openConsultation("REJECT", PUBLISHED, 60);
        long id = startDraft("alice", consultation);
        assertEquals(List.of("BROKER_DEALER", "FCM", "DUAL_REGISTRANT", "CLEARING_AGENCY_OR_DCO", "MARKET_MAKER",
                "ASSET_MANAGER", "CRYPTO_FIRM", "TRADE_ASSOCIATION", "INDIVIDUAL", "OTHER"),
                java.util.Arrays.stream(SubmitterCategory.values()).map(Enum::name).toList());
        as("alice").body(Map.of("version", 0, "category", "HEDGE_FUND")).put("/api/v1/comments/" + id)
                .then().statusCode(400).body("errors.category", containsString("Category must be one of [BROKER_DEALER, FCM"));
        as("alice").body(Map.of("version", 0, "category", "CLEARING_AGENCY_OR_DCO", "organization", "Alpha Clearing LLC",
                "contactName", "Alice Analyst", "contactEmail", "alice@alpha.example", "contactPhone", "+1 212 555 0100"))
                .put("/api/v1/comments/" + id).then().statusCode(200)
                .body("submitter.category", equalTo("CLEARING_AGENCY_OR_DCO"))
                .body("submitter.contactPhone", equalTo("+1 212 555 0100"));
    }

    @Transactional
    long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
