package org.marginconsult.comment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.closesAt;
import static org.marginconsult.support.CommentFixtures.openConsultation;
import static org.marginconsult.support.CommentFixtures.readyDraft;

/** Filing through the API: the deadline on the server clock, exactly-once submits, failures that file nothing. */
@QuarkusTest
class SubmissionServiceTest {

    static final LocalDate PUBLISHED = LocalDate.of(2026, 11, 2);
    static final Instant DURING = Instant.parse("2026-11-21T15:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static io.restassured.response.ValidatableResponse submit(String user, long draftId) {
        return as(user).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draftId + "/submit").then();
    }

    long sql(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    void execute(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void submitOneSecondBeforeCloseIsOnTime() {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        Instant close = closesAt(consultation);
        assertEquals(Instant.parse("2026-12-03T04:59:59Z"), close, "30 days after 2 Nov 2026: Wed 2 Dec, 11:59:59 pm EST");
        clock.set(close.minusSeconds(1));
        submit("alice", draft).statusCode(201)
                .body("late", equalTo(false))
                .body("receivedAt", equalTo("2026-12-03T04:59:58Z"));
    }

    @Test
    void submitOneSecondAfterCloseIsRefusedWithTheClosingInstantInEasternTime() throws SQLException {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        clock.set(closesAt(consultation).plusSeconds(1));
        submit("alice", draft).statusCode(422)
                .body("message", containsString("Not accepted: the comment period closed"))
                .body("message", containsString("December 2, 2026 at 11:59:59 PM EST"))
                .body("closesAtEastern", equalTo("December 2, 2026 at 11:59:59 PM EST"))
                .body("closesAt", equalTo("2026-12-03T04:59:59Z"));
        assertEquals(0, sql("select count(*) from comment_submission where draft_id = " + draft));
        as("alice").get("/api/v1/comments/" + draft).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void submitOneSecondAfterCloseIsAcceptedAndFlaggedLateWhenThePolicySaysSo() {
        clock.set(DURING);
        long consultation = openConsultation("ACCEPT_FLAGGED", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        clock.set(closesAt(consultation).plusSeconds(1));
        String tracking = submit("alice", draft).statusCode(201).body("late", equalTo(true))
                .extract().path("trackingNumber");
        as("alice").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("late", equalTo(true))
                .body("closesAtEastern", equalTo("December 2, 2026 at 11:59:59 PM EST"));
    }

    @Test
    void afterAnExtensionTheOldCloseNoLongerRefusesAndTheNewOneDoes() {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long alices = readyDraft("alice", consultation);
        long bellas = readyDraft("bella", consultation);
        Instant oldClose = closesAt(consultation);
        ConsultationFixtures.changePeriod(consultation, "extend", Map.of("citation", "91 FR 20000",
                "reason", "Requests for more time", "closingDate", "2026-12-16")).statusCode(201);
        Instant newClose = closesAt(consultation);
        assertEquals(Instant.parse("2026-12-17T04:59:59Z"), newClose);
        clock.set(oldClose.plusSeconds(1));
        submit("alice", alices).statusCode(201).body("late", equalTo(false));
        clock.set(newClose.plusSeconds(1));
        submit("bella", bellas).statusCode(422).body("closesAtEastern", equalTo("December 16, 2026 at 11:59:59 PM EST"));
    }

    @Test
    void afterAReopeningACommentInsideTheNewWindowIsOnTimeAndAfterItIsRefused() {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long alices = readyDraft("alice", consultation);
        long bellas = readyDraft("bella", consultation);
        Instant firstClose = closesAt(consultation);
        clock.set(firstClose.plus(Duration.ofDays(5)));
        submit("alice", alices).statusCode(422);
        ConsultationFixtures.changePeriod(consultation, "reopen", Map.of("citation", "91 FR 30000",
                "reason", "The form lost comments", "publishedOn", "2026-12-08", "closingDate", "2026-12-23")).statusCode(201);
        Instant reopenedClose = closesAt(consultation);
        assertEquals(Instant.parse("2026-12-24T04:59:59Z"), reopenedClose);
        clock.set(reopenedClose.minusSeconds(1));
        submit("alice", alices).statusCode(201).body("late", equalTo(false));
        clock.set(reopenedClose.plusSeconds(1));
        submit("bella", bellas).statusCode(422).body("closesAtEastern", equalTo("December 23, 2026 at 11:59:59 PM EST"));
    }

    @Test
    void twentyParallelSubmitsOfTheSameDraftGiveOneSubmission() throws Exception {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        String token = Tokens.accessToken("alice");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/comments/" + draft + "/submit");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // Half replay one key (a retried call), half use their own (double clicks, resubmitted forms).
            String key = i % 2 == 0 ? "same-key-" + draft : UUID.randomUUID().toString();
            calls.add(() -> {
                start.await();
                return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            Set<String> trackingNumbers = new HashSet<>();
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                assertEquals(201, r.statusCode(), r.body());
                trackingNumbers.add(r.body().replaceAll(".*\"trackingNumber\":\"([^\"]+)\".*", "$1"));
            }
            assertEquals(1, trackingNumbers.size(), trackingNumbers.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, sql("select count(*) from comment_submission where draft_id = " + draft));
        assertEquals(1, sql("select count(*) from comment_receipt r join comment_submission s on s.id = r.submission_id "
                + "where s.draft_id = " + draft));
    }

    @Test
    void aDatabaseFailureDuringSubmitFilesNothingAndSaysNotSubmittedTryAgain() throws SQLException {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":1}", "application/json")
                .multiPart("file", "impact.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .put("/api/v1/comments/" + draft).then().statusCode(200);
        long auditsBefore = sql("select count(*) from audit_event where action = 'COMMENT_SUBMITTED'");
        // The store fails after the submission row was written: everything must roll back together.
        execute("create function test_storage_fails() returns trigger language plpgsql as $$ "
                + "begin raise exception 'injected storage failure'; end; $$");
        execute("create trigger test_storage_fails before insert on comment_submission_attachment "
                + "for each row execute function test_storage_fails()");
        try {
            submit("alice", draft).statusCode(503)
                    .body("error", equalTo("Not submitted"))
                    .body("message", containsString("Not submitted"))
                    .body("message", containsString("try again"));
        } finally {
            execute("drop trigger test_storage_fails on comment_submission_attachment");
            execute("drop function test_storage_fails()");
        }
        assertEquals(0, sql("select count(*) from comment_submission where draft_id = " + draft));
        assertEquals(0, sql("select count(*) from comment_submission_attachment sa join comment_attachment a "
                + "on a.id = sa.attachment_id where a.draft_id = " + draft));
        assertEquals(0, sql("select count(*) from comment_receipt r join comment_submission s on s.id = r.submission_id "
                + "where s.draft_id = " + draft));
        assertEquals(auditsBefore, sql("select count(*) from audit_event where action = 'COMMENT_SUBMITTED'"));
        as("alice").get("/api/v1/comments/" + draft).then().body("status", equalTo("DRAFT")).body("version", equalTo(2));

        String tracking = submit("alice", draft).statusCode(201).extract().path("trackingNumber");
        assertTrue(TrackingNumber.parse(tracking).isPresent());
    }

    @Test
    void staffDecideOnAWithdrawalRequestOnceAndTheFilingStaysFiled() throws SQLException {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        String tracking = submit("alice", draft).statusCode(201).extract().path("trackingNumber");
        as("bella").body(Map.of("reason", "Not ours")).post("/api/v1/receipts/" + tracking + "/withdrawal-requests")
                .then().statusCode(404);
        Number id = as("amir").body(Map.of("reason", "Filed by mistake")).post("/api/v1/receipts/" + tracking + "/withdrawal-requests")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        as("amir").body(Map.of("reason", "Again")).post("/api/v1/receipts/" + tracking + "/withdrawal-requests")
                .then().statusCode(400).body("message", containsString("already waiting"));
        as("alice").body(Map.of("grant", true, "note", "Self-granted")).post("/api/v1/withdrawal-requests/" + id + "/decision")
                .then().statusCode(403);
        as("sam").body(Map.of("grant", true, "note", "Duplicate of an earlier letter"))
                .post("/api/v1/withdrawal-requests/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("GRANTED")).body("decidedBy", equalTo("sam"));
        as("sam").body(Map.of("grant", false, "note", "Changed my mind"))
                .post("/api/v1/withdrawal-requests/" + id + "/decision").then().statusCode(400)
                .body("message", containsString("already granted by sam"));
        as("alice").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("withdrawalRequests[0].status", equalTo("GRANTED"))
                .body("withdrawalRequests[0].decisionNote", equalTo("Duplicate of an earlier letter"));
        assertEquals(1, sql("select count(*) from comment_submission where tracking_number = '" + tracking + "'"));
    }

    @Test
    void aReceiptIsReadableByTheFilingFirmAndByStaffAndByNoOtherFirm() {
        clock.set(DURING);
        long consultation = openConsultation("REJECT", PUBLISHED, 30);
        long draft = readyDraft("alice", consultation);
        String first = submit("alice", draft).statusCode(201).extract().path("trackingNumber");
        as("amir").get("/api/v1/receipts/" + first).then().statusCode(200)
                .body("thread.trackingNumber", org.hamcrest.Matchers.contains(first))
                .body("thread[0].kind", equalTo("COMMENT"));
        as("bella").get("/api/v1/receipts/" + first).then().statusCode(404);
        as("sam").get("/api/v1/receipts/" + first).then().statusCode(200);
    }
}
