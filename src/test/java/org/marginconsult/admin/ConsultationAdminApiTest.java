package org.marginconsult.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.ConsultationFixtures.asAdmin;
import static org.marginconsult.support.ConsultationFixtures.body;
import static org.marginconsult.support.ConsultationFixtures.changePeriod;

@QuarkusTest
class ConsultationAdminApiTest {

    /** Published Tue 30 Jun 2026, 60 days: day 60 is Sat 29 Aug, so it closes Mon 31 Aug 23:59:59 EDT. */
    private static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 30);
    private static final Instant CLOSE = Instant.parse("2026-09-01T03:59:59Z");

    @Inject
    TestClock clock;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAdministratorCreatesADraftThatOnlyAdministratorsSee() {
        long id = ConsultationFixtures.createDraft("admin-draft");

        asAdmin().get("/api/v1/admin/consultations/" + id).then().statusCode(200)
                .body("commentPeriod.status", equalTo("draft"))
                .body("commentPeriod.events", hasSize(0))
                .body("proposals.id", contains("B-80pct-capped"));
        asAdmin().get("/api/v1/admin/consultations").then().statusCode(200).body("id", hasItem((int) id));
        given().get("/api/v1/consultations/" + id).then().statusCode(404);
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsWritten() {
        String slug = ConsultationFixtures.uniqueSlug("bad");
        Map<String, Object> bad = ConsultationFixtures.draftBody(slug);
        bad.put("agencies", List.of("SEC"));
        bad.put("identifiers", Map.of("sec", Map.of("rin", "RIN-1"), "cftc", Map.of("rin", "3038-AF07"),
                "federalRegister", Map.of("citation", "page 12")));
        bad.put("title", " ");
        bad.put("periodDays", 0);
        bad.put("proposals", List.of(Map.of("id", "has space", "title", "x")));

        asAdmin().body(bad).post("/api/v1/admin/consultations").then().statusCode(400)
                .body("error", equalTo("Invalid input"))
                .body("fields", hasKey("title"))
                .body("fields.secRin", containsString("3235-AM64"))
                .body("fields.cftcRin", containsString("CFTC is not an agency"))
                .body("fields.frCitation", containsString("85 FR 70536"))
                .body("fields.periodDays", containsString("1 to 366"))
                .body("fields", hasKey("proposals"));
        asAdmin().get("/api/v1/admin/consultations").then().body("slug", not(hasItem(slug)));
    }

    @Test
    void aSlugCanBeUsedOnce() {
        Map<String, Object> draft = ConsultationFixtures.draftBody(ConsultationFixtures.uniqueSlug("twice"));
        ConsultationFixtures.createDraft(draft);

        asAdmin().body(draft).post("/api/v1/admin/consultations").then().statusCode(400)
                .body("fields.slug", containsString("already uses"));
    }

    @Test
    void anEditNeedsAReasonAndIsRefusedIfSomeoneElseEditedMeanwhile() {
        long id = ConsultationFixtures.createDraft("edit");
        Map<String, Object> current = asAdmin().get("/api/v1/admin/consultations/" + id).then().extract()
                .jsonPath().getMap("$");
        Map<String, Object> edit = ConsultationFixtures.draftBody((String) current.get("slug"));
        edit.put("title", "Edited title");
        edit.put("version", 0);

        asAdmin().body(edit).put("/api/v1/admin/consultations/" + id).then().statusCode(400)
                .body("fields.reason", equalTo("Required."));
        edit.put("reason", "Title as printed in the notice");
        asAdmin().body(edit).put("/api/v1/admin/consultations/" + id).then().statusCode(200)
                .body("title", equalTo("Edited title"));
        edit.put("title", "A lost update");
        asAdmin().body(edit).put("/api/v1/admin/consultations/" + id).then().statusCode(409)
                .body("message", containsString("changed by ada"));
        List<AuditEvent> trail = audit.forEntity("consultation", String.valueOf(id));
        assertEquals(List.of("CONSULTATION_CREATE", "CONSULTATION_UPDATE"), trail.stream().map(e -> e.action).toList());
        assertTrue(trail.get(1).beforeState.contains("Test request"), trail.get(1).beforeState);
        assertTrue(trail.get(1).afterState.contains("Edited title"), trail.get(1).afterState);
    }

    @Test
    void publishingComputesTheCloseByTheRuleAndRecordsWhoAndWhen() {
        clock.set(Instant.parse("2026-06-29T14:00:00Z"));
        long id = ConsultationFixtures.createDraft("publish");

        changePeriod(id, "publish", body("citation", "91 FR 40000", "reason", "Notice published",
                "publishedOn", "2026-06-30", "periodDays", 60)).statusCode(201)
                .body("commentPeriod.status", equalTo("upcoming"))
                .body("commentPeriod.opensAt", equalTo("2026-06-30T04:00:00Z"))
                .body("commentPeriod.closesAt", equalTo(CLOSE.toString()))
                .body("commentPeriod.events[0].type", equalTo("OPEN"))
                .body("commentPeriod.events[0].citation", equalTo("91 FR 40000"))
                .body("commentPeriod.events[0].recordedBy", equalTo("ada"))
                .body("commentPeriod.events[0].recordedAt", equalTo("2026-06-29T14:00:00Z"));
    }

    @Test
    void aDryRunShowsTheNewCloseAndWhyWithoutRecordingAnything() {
        long id = ConsultationFixtures.createDraft("dry-run");

        asAdmin().body(body("citation", "91 FR 40000", "reason", "Notice published", "publishedOn", "2026-07-07",
                        "periodDays", 60))
                .post("/api/v1/admin/consultations/" + id + "/period/publish?dryRun=true")
                .then().statusCode(200)
                .body("closesAt", equalTo("2026-09-09T03:59:59Z"))
                .body("computed.dayN", equalTo("2026-09-05"))
                .body("computed.closingDate", equalTo("2026-09-08"))
                .body("computed.skipped.reason", contains("Saturday", "Sunday", "Labor Day"))
                .body("statusBefore", equalTo("draft"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("commentPeriod.status", equalTo("draft"))
                .body("commentPeriod.events", hasSize(0));
    }

    @Test
    void overridingTheRulesClosingDateNeedsItsOwnReason() {
        long id = ConsultationFixtures.createDraft("override");
        Map<String, Object> request = body("citation", "91 FR 40000", "reason", "Notice published",
                "publishedOn", "2026-06-30", "periodDays", 60, "closingDate", "2026-09-02");

        changePeriod(id, "publish", request).statusCode(400)
                .body("fields.overrideReason", containsString("Monday, August 31, 2026 at 11:59:59 PM EDT"));
        request.put("overrideReason", "The notice states September 2");
        changePeriod(id, "publish", request).statusCode(201)
                .body("commentPeriod.closesAt", equalTo("2026-09-03T03:59:59Z"))
                .body("commentPeriod.events[0].overrideReason", equalTo("The notice states September 2"));
    }

    @Test
    void aClosingDateBeforeThePublicationIsRefusedWithoutWritingAnything() {
        long id = ConsultationFixtures.createDraft("close-before-open");

        changePeriod(id, "publish", body("citation", "91 FR 40000", "reason", "Typo", "publishedOn", "2026-06-30",
                "periodDays", 60, "closingDate", "2026-06-29", "overrideReason", "As printed")).statusCode(400)
                .body("fields.closingDate", containsString("must close after it opens"));
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("commentPeriod.events", hasSize(0));
    }

    @Test
    void oneSecondBeforeTheCloseItIsOpenAndOneSecondAfterItIsClosed() {
        long id = ConsultationFixtures.published("edge", PUBLISHED, 60);

        clock.set(CLOSE.minusSeconds(1));
        assertEquals("open", status(id));
        clock.set(CLOSE);
        assertEquals("open", status(id), "23:59:59 is the last second on time");
        clock.set(CLOSE.plusSeconds(1));
        assertEquals("closed", status(id));
    }

    @Test
    void anExtensionWhileOpenMovesTheCloseAndKeepsTheHistory() {
        long id = ConsultationFixtures.published("extend", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T16:00:00Z"));

        changePeriod(id, "extend", body("citation", "91 FR 50000", "reason", "Requests for more time",
                "closingDate", "2026-09-30")).statusCode(201)
                .body("commentPeriod.status", equalTo("open"))
                .body("commentPeriod.closesAt", equalTo("2026-10-01T03:59:59Z"))
                .body("commentPeriod.events.type", contains("OPEN", "EXTEND"))
                .body("commentPeriod.events[0].closesAt", equalTo(CLOSE.toString()))
                .body("commentPeriod.events[1].previousClosesAt", equalTo(CLOSE.toString()));

        clock.set(CLOSE.plusSeconds(1));
        assertEquals("open", status(id), "the old close no longer applies");
        clock.set(Instant.parse("2026-10-01T04:00:00Z"));
        assertEquals("closed", status(id));
    }

    @Test
    void anExtensionMustCloseLaterThanTheCurrentClose() {
        long id = ConsultationFixtures.published("extend-earlier", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T16:00:00Z"));

        changePeriod(id, "extend", body("citation", "91 FR 50000", "reason", "Typo", "closingDate", "2026-08-25"))
                .statusCode(400)
                .body("fields.closingDate", containsString("later than the current close"));
    }

    @Test
    void anExtensionAfterTheCloseIsRefusedAsItWouldBeAReopening() {
        long id = ConsultationFixtures.published("extend-late", PUBLISHED, 60);
        clock.set(CLOSE.plusSeconds(1));

        changePeriod(id, "extend", body("citation", "91 FR 50000", "reason", "Too late", "closingDate", "2026-09-30"))
                .statusCode(409)
                .body("message", containsString("reopening"));
    }

    @Test
    void aReopeningAfterTheCloseOpensANewWindowComputedByTheRule() {
        long id = ConsultationFixtures.published("reopen", PUBLISHED, 60);
        clock.set(Instant.parse("2026-10-05T14:00:00Z"));

        // Reopened on Tue 6 Oct 2026 for 30 days: day 30 is Thu 5 Nov.
        changePeriod(id, "reopen", body("citation", "91 FR 60000", "reason", "Comments lost by the web form",
                "publishedOn", "2026-10-06", "periodDays", 30)).statusCode(201)
                .body("commentPeriod.status", equalTo("closed"))
                .body("commentPeriod.closesAt", equalTo("2026-11-06T04:59:59Z"))
                .body("commentPeriod.events.type", contains("OPEN", "REOPEN"))
                .body("commentPeriod.events[1].opensAt", equalTo("2026-10-06T04:00:00Z"));

        clock.set(Instant.parse("2026-10-06T04:00:00Z"));
        assertEquals("reopened", status(id));
        clock.set(Instant.parse("2026-11-06T04:59:59Z"));
        assertEquals("reopened", status(id));
        clock.set(Instant.parse("2026-11-06T05:00:00Z"));
        assertEquals("closed", status(id));
    }

    @Test
    void reopeningAPeriodThatHasNotClosedIsRefused() {
        long id = ConsultationFixtures.published("reopen-open", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T16:00:00Z"));

        changePeriod(id, "reopen", body("citation", "91 FR 60000", "reason", "x", "publishedOn", "2026-08-21",
                "periodDays", 30)).statusCode(409)
                .body("message", containsString("extend it"));
    }

    @Test
    void closingEarlyClosesAtOnce() {
        long id = ConsultationFixtures.published("close", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T16:00:00.500Z"));

        changePeriod(id, "close", body("citation", "91 FR 70000", "reason", "Request withdrawn")).statusCode(201)
                .body("commentPeriod.status", equalTo("closed"))
                .body("commentPeriod.closesAt", equalTo("2026-08-20T15:59:59Z"))
                .body("commentPeriod.events[1].type", equalTo("CLOSE"));
    }

    @Test
    void aCorrectionFixesTheCurrentCloseAndKeepsTheWrongOneInTheHistory() {
        long id = ConsultationFixtures.published("correct", PUBLISHED, 60);
        clock.set(Instant.parse("2026-07-02T16:00:00Z"));

        changePeriod(id, "correct", body("citation", "91 FR 41000", "reason", "Correction notice: wrong date printed",
                "closingDate", "2026-09-01")).statusCode(201)
                .body("commentPeriod.closesAt", equalTo("2026-09-02T03:59:59Z"))
                .body("commentPeriod.events.type", contains("OPEN", "CORRECTION"))
                .body("commentPeriod.events[0].closesAt", equalTo(CLOSE.toString()));
    }

    @Test
    void aChangeConfirmedAgainstAPeriodThatChangedMeanwhileIsRefused() {
        long id = ConsultationFixtures.published("stale", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T16:00:00Z"));

        changePeriod(id, "extend", body("citation", "91 FR 50000", "reason", "More time", "closingDate", "2026-09-30",
                "expectedEventCount", 0)).statusCode(409)
                .body("message", containsString("changed since your preview"));
    }

    @Test
    void everyPeriodEventIsAuditedWithWhoWhatWhenBeforeAndAfter() {
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        long id = ConsultationFixtures.published("audit", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-01T12:00:00Z"));
        changePeriod(id, "extend", body("citation", "c2", "reason", "r2", "closingDate", "2026-09-15")).statusCode(201);
        clock.set(Instant.parse("2026-08-02T12:00:00Z"));
        changePeriod(id, "correct", body("citation", "c3", "reason", "r3", "closingDate", "2026-09-16")).statusCode(201);
        clock.set(Instant.parse("2026-08-03T12:00:00Z"));
        changePeriod(id, "close", body("citation", "c4", "reason", "r4")).statusCode(201);
        clock.set(Instant.parse("2026-08-04T12:00:00Z"));
        changePeriod(id, "reopen", body("citation", "c5", "reason", "r5", "publishedOn", "2026-08-04",
                "closingDate", "2026-08-31")).statusCode(201);

        List<AuditEvent> periodTrail = audit.forEntity("consultation", String.valueOf(id)).stream()
                .filter(e -> e.action.startsWith("PERIOD_")).toList();
        assertEquals(List.of("PERIOD_OPEN", "PERIOD_EXTEND", "PERIOD_CORRECTION", "PERIOD_CLOSE", "PERIOD_REOPEN"),
                periodTrail.stream().map(e -> e.action).toList());
        assertTrue(periodTrail.stream().allMatch(e -> e.actor.equals("ada")));
        AuditEvent extension = periodTrail.get(1);
        assertEquals(Instant.parse("2026-08-01T12:00:00Z"), extension.occurredAt);
        assertEquals("c2: r2", extension.detail);
        assertTrue(extension.beforeState.contains("\"closesAt\": \"2026-09-01T03:59:59Z\"")
                || extension.beforeState.contains("\"closesAt\":\"2026-09-01T03:59:59Z\""), extension.beforeState);
        assertTrue(extension.afterState.contains("2026-09-16T03:59:59Z"), extension.afterState);
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("commentPeriod.events.recordedAt", contains("2026-06-01T12:00:00Z", "2026-08-01T12:00:00Z",
                        "2026-08-02T12:00:00Z", "2026-08-03T12:00:00Z", "2026-08-04T12:00:00Z"));
    }

    @Test
    void theHistoryCannotBeRewrittenEvenDirectlyInTheDatabase() {
        long id = ConsultationFixtures.published("append-only", PUBLISHED, 60);

        Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update period_event set closes_at = now() where consultation_id = ?1")
                        .setParameter(1, id).executeUpdate()));
        assertTrue(rootMessage(refused).contains("period_event rows are history"), rootMessage(refused));
    }

    @Test
    void anUnknownPeriodActionIs404() {
        long id = ConsultationFixtures.createDraft("unknown-action");
        changePeriod(id, "postpone", body("citation", "c", "reason", "r")).statusCode(404);
        asAdmin().get("/api/v1/admin/consultations/" + id).then().body("commentPeriod.events", hasSize(0));
    }

    @ParameterizedTest(name = "{0} {1}: {2} gets {3}")
    @CsvSource({
            "GET,    /api/v1/admin/consultations,                     alice,     403",
            "GET,    /api/v1/admin/consultations,                     sam,       403",
            "GET,    /api/v1/admin/consultations,                     anonymous, 401",
            "POST,   /api/v1/admin/consultations,                     alice,     403",
            "POST,   /api/v1/admin/consultations,                     sam,       403",
            "POST,   /api/v1/admin/consultations,                     anonymous, 401",
            "GET,    /api/v1/admin/consultations/{id},                alice,     403",
            "GET,    /api/v1/admin/consultations/{id},                anonymous, 401",
            "PUT,    /api/v1/admin/consultations/{id},                alice,     403",
            "PUT,    /api/v1/admin/consultations/{id},                sam,       403",
            "PUT,    /api/v1/admin/consultations/{id},                anonymous, 401",
            "POST,   /api/v1/admin/consultations/{id}/period/publish, alice,     403",
            "POST,   /api/v1/admin/consultations/{id}/period/extend,  sam,       403",
            "POST,   /api/v1/admin/consultations/{id}/period/close,   anonymous, 401",
            "GET,    /api/v1/admin/consultations/{id}/questions,      alice,     403",
            "GET,    /api/v1/admin/consultations/{id}/questions,      anonymous, 401",
            "PUT,    /api/v1/admin/consultations/{id}/questions,      sam,       403",
            "PUT,    /api/v1/admin/consultations/{id}/questions,      anonymous, 401",
            "GET,    /api/v1/admin/audit,                             alice,     403",
            "GET,    /api/v1/admin/audit,                             anonymous, 401"})
    void nonAdministratorsAreRefusedOnEveryAdministrationEndpoint(String method, String path, String user, int status) {
        long id = ConsultationFixtures.seededId(org.marginconsult.consultation.seed.ConsultationSeeder.SLUG_2026);
        RequestSpecification request = given().redirects().follow(false).contentType(ContentType.JSON)
                .body("{\"citation\":\"c\",\"reason\":\"r\",\"closingDate\":\"2030-01-01\"}");
        if (!user.equals("anonymous")) {
            request = request.auth().oauth2(Tokens.accessToken(user));
        }
        var refused = request.request(method, path.replace("{id}", String.valueOf(id))).then().statusCode(status);
        if (status == 403) {
            refused.body("message", startsWith("Your role does not give access to this endpoint."));
        }
        asAdmin().get("/api/v1/admin/consultations/" + id).then()
                .body("commentPeriod.events", hasSize(1))
                .body("commentPeriod.closesAt", equalTo("2027-01-05T04:59:59Z"));
    }

    private static String status(long id) {
        return asAdmin().get("/api/v1/admin/consultations/" + id).then().statusCode(200)
                .extract().path("commentPeriod.status");
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
