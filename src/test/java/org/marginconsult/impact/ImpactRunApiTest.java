package org.marginconsult.impact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.security.AuditLog;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ImpactRunApiTest {

    static final Map<String, Object> ALL_PROPOSALS = Map.of("proposals",
            List.of("A-full-offset", "B-80pct-capped", "C-conservative"), "securitiesRegime", "PORTFOLIO_MARGIN");

    static Long pmPortfolio;

    @Inject
    ImpactWorker worker;

    @Inject
    RunQueue queue;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @AfterEach
    void restore() throws InterruptedException {
        clock.reset();
        worker.startClaiming();
        awaitIdle();
    }

    /** Waits until no run is queued or running, so that a test leaves no work for the next one. */
    static void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (QuarkusTransaction.requiringNew().call(
                () -> ImpactRun.count("status in ?1", List.of(RunStatus.QUEUED, RunStatus.RUNNING))) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("runs still active after 180 s");
            }
            Thread.sleep(200);
        }
    }

    static String sampleCsv(boolean cashTreasuries) {
        String csv = new String(resource("/portfolio/sample-portfolio.csv"), StandardCharsets.UTF_8);
        if (cashTreasuries) {
            return csv;
        }
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\\R")) {
            if (!line.contains(",TREASURY,")) {
                out.append(line).append("\r\n");
            }
        }
        return out.toString();
    }

    static byte[] resource(String path) {
        try (var in = ImpactRunApiTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A firm-a portfolio margined under portfolio margin (no cash Treasuries), with posted collateral. */
    static synchronized long pmPortfolio() {
        if (pmPortfolio == null) {
            pmPortfolio = given().auth().oauth2(Tokens.accessToken("alice"))
                    .multiPart("file", "pm.csv", sampleCsv(false).getBytes(StandardCharsets.UTF_8), "text/csv")
                    .multiPart("label", "Impact test book").multiPart("asOf", "2026-11-20")
                    .multiPart("firmCategory", "DUAL_REGISTRANT")
                    .multiPart("collateralAccount", "SECURITIES").multiPart("collateralAsset", "CASH_USD")
                    .multiPart("collateralValue", "1000000").multiPart("collateralMaturity", "")
                    .when().post("/api/v1/portfolios")
                    .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        }
        return pmPortfolio;
    }

    /**
     * A run whose portfolio is deleted between the request and the computation: it fails with its reason.
     * Leaves the instance's worker claiming again.
     */
    static long runOfADeletedPortfolio(ImpactWorker worker) throws InterruptedException {
        long portfolio = given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                .queryParam("label", "Impact test book, deleted").queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "BROKER_DEALER").body(sampleCsv(true))
                .when().post("/api/v1/portfolios")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        worker.stopClaiming();
        try {
            long run = submit("alice", portfolio, ALL_PROPOSALS);
            given().auth().oauth2(Tokens.accessToken("alice")).when().delete("/api/v1/portfolios/" + portfolio)
                    .then().statusCode(org.hamcrest.Matchers.lessThan(300));
            return run;
        } finally {
            worker.startClaiming();
        }
    }

    static long submit(String user, long portfolio, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType("application/json").body(body)
                .when().post("/api/v1/portfolios/" + portfolio + "/impact-runs")
                .then().log().ifValidationFails().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().jsonPath().getLong("id");
    }

    static JsonNode get(long run) {
        String body = given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/impact-runs/" + run)
                .then().statusCode(200).extract().asString();
        return ImpactJson.read(body, JsonNode.class);
    }

    static JsonNode awaitFinished(long run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get(run);
            String s = status.get("status").asText();
            if (s.equals("DONE") || s.equals("FAILED")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + run + " did not finish: " + get(run));
    }

    @Test
    void aRunIsAcceptedAtOnceComputedInTheBackgroundAndReturnsTodayAgainstEachProposal() throws Exception {
        long id = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        JsonNode done = awaitFinished(id);
        assertEquals("DONE", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        JsonNode result = done.get("result");
        assertEquals(3, result.get("proposals").size());
        assertTrue(result.get("today").get("total").asText().matches("\\d+\\.\\d\\d"));
        assertEquals(64, result.get("provenance").get("inputHash").asText().length());
        assertEquals(done.get("inputHash").asText(), result.get("provenance").get("inputHash").asText());
        assertEquals("1000000.00", result.get("today").get("collateral").get("marketValue").asText());
    }

    @Test
    void reRunningTheSamePortfolioAndProposalsYieldsIdenticalNumbersAndHash() throws Exception {
        long first = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        long second = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        JsonNode a = awaitFinished(first);
        JsonNode b = awaitFinished(second);
        assertEquals("DONE", a.get("status").asText());
        assertEquals(a.get("inputHash"), b.get("inputHash"));
        assertEquals(a.get("result"), b.get("result"));
    }

    @Test
    void aRunThatCannotBeComputedFailsWithAReasonTheParticipantCanRead() throws Exception {
        long id = runOfADeletedPortfolio(worker);
        JsonNode failed = awaitFinished(id);
        assertEquals("FAILED", failed.get("status").asText());
        assertEquals("The portfolio of this run no longer exists (it was deleted after the run was requested).",
                failed.get("failureReason").asText());
        assertTrue(failed.get("result").isNull());
    }

    @Test
    void aRunWhoseFiguresPassWhatTheEngineHoldsExactlyFailsSayingSoNotOnAnInternalError() throws Exception {
        // A hundred option series of about $1 trillion each on one underlying: every row is within range, but
        // the strategy-based pairing of the class passes what micro-dollars in a long hold.
        StringBuilder csv = new StringBuilder(org.marginconsult.portfolio.PositionColumn.headerLine()).append("\r\n");
        for (int i = 0; i < 100; i++) {
            csv.append("P").append(i).append(",SECURITIES,EQUITY_OPTION,XYZ ").append(i).append(",XYZ,")
                    .append(i % 2 == 0 ? -9999 : 9999).append(",100,100000,1000000,").append(i % 3 == 0 ? "PUT" : "CALL")
                    .append(',').append(1_000_000 - 100 * i).append(",2027-0").append(1 + i % 5)
                    .append("-15,0.3,,USD\r\n");
        }
        long portfolio = given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                .queryParam("label", "Impact test book, too large").queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "BROKER_DEALER").body(csv.toString())
                .when().post("/api/v1/portfolios")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath().getLong("id");
        long id = submit("alice", portfolio, Map.of("proposals", List.of("A-full-offset"),
                "securitiesRegime", "STRATEGY_BASED"));
        JsonNode failed = awaitFinished(id);
        assertEquals("FAILED", failed.get("status").asText(), failed.toString());
        assertEquals(org.marginconsult.margin.Money.AMOUNTS_TOO_LARGE, failed.get("failureReason").asText());
    }

    @Test
    void aRunWhoseInstanceDiedMidWayIsTakenUpAfterItsLeaseAndCompletedOnce() throws Exception {
        worker.stopClaiming();
        long id = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        assertEquals(id, queue.claim("instance-that-died").orElseThrow().runId());
        assertTrue(queue.progress(id, "instance-that-died", 35, "proposal B-80pct-capped"));
        worker.startClaiming();
        assertEquals("RUNNING", get(id).get("status").asText());

        clock.advance(Duration.ofMinutes(5));
        worker.wake();
        JsonNode done = awaitFinished(id);
        assertEquals("DONE", done.get("status").asText(), done.toString());
        assertEquals(2, done.get("attempts").asInt());
        assertFalse(queue.complete(id, "instance-that-died", "{}", "0".repeat(64), "stale"));
        long completions = QuarkusTransaction.requiringNew().call(() -> audit.forEntity(RunQueue.ENTITY,
                String.valueOf(id)).stream().filter(e -> e.action.equals("impact-run.done")).count());
        assertEquals(1, completions);
        long normal = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        assertEquals(awaitFinished(normal).get("result"), done.get("result"));
    }

    @Test
    void aFirmAtItsLimitOfActiveRunsIsToldSoWith429() {
        worker.stopClaiming();
        try {
            submit("amir", pmPortfolio(), ALL_PROPOSALS);
            submit("amir", pmPortfolio(), ALL_PROPOSALS);
            given().auth().oauth2(Tokens.accessToken("amir")).contentType("application/json").body(ALL_PROPOSALS)
                    .when().post("/api/v1/portfolios/" + pmPortfolio() + "/impact-runs")
                    .then().statusCode(429)
                    .body("message", containsString("already has 2 impact runs queued or running"));
        } finally {
            worker.startClaiming();
        }
    }

    @Test
    void aBadRequestGetsOneErrorPerFieldAndNothingIsQueued() {
        given().auth().oauth2(Tokens.accessToken("alice")).contentType("application/json")
                .body(Map.of("proposals", List.of("Z-unknown"), "securitiesRegime", "REG_X"))
                .when().post("/api/v1/portfolios/" + pmPortfolio() + "/impact-runs")
                .then().statusCode(400)
                .body("errors.field", hasItems("securitiesRegime", "proposals"))
                .body("errors.find { it.field == 'proposals' }.message", containsString("Unknown proposal Z-unknown"));
    }

    @Test
    void everyProposalAtFaultIsNamedInOneMessageSoOneCorrectionIsEnough() {
        long consultation = org.marginconsult.support.CommentFixtures.openNow();
        given().auth().oauth2(Tokens.accessToken("alice")).contentType("application/json")
                .body(Map.of("consultation", consultation, "securitiesRegime", "PORTFOLIO_MARGIN",
                        "proposals", List.of("A-full-offset", "B-80pct-capped", "C-conservative", "Z-unknown")))
                .when().post("/api/v1/portfolios/" + pmPortfolio() + "/impact-runs")
                .then().statusCode(400)
                .body("errors.field", contains("proposals"))
                .body("errors[0].message", equalTo("Unknown proposal Z-unknown; known: A-full-offset, B-80pct-capped,"
                        + " C-conservative. Consultation " + consultation + " does not consult on A-full-offset,"
                        + " C-conservative; it consults on B-80pct-capped."));
    }

    @Test
    void anotherFirmAndStaffGet404ForARunItsResultAndItsSummary() throws Exception {
        long id = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        awaitFinished(id);
        long summary = given().auth().oauth2(Tokens.accessToken("alice")).when()
                .post("/api/v1/impact-runs/" + id + "/summary").then().statusCode(201).extract().jsonPath().getLong("id");
        for (String outsider : List.of("bella", "sam")) {
            String token = Tokens.accessToken(outsider);
            given().auth().oauth2(token).when().get("/api/v1/impact-runs/" + id).then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/v1/impact-runs/" + id + "/summary").then().statusCode(404);
            given().auth().oauth2(token).when().post("/api/v1/impact-runs/" + id + "/summary").then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/v1/impact-summaries/" + summary).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.accessToken("bella")).contentType("application/json").body(ALL_PROPOSALS)
                .when().post("/api/v1/portfolios/" + pmPortfolio() + "/impact-runs").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("bella")).when().get("/api/v1/impact-runs")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItems((int) id)));
    }

    @Test
    void theSummaryHoldsAggregatesAndProvenanceButNoPositionLevelField() throws Exception {
        long id = submit("alice", pmPortfolio(), ALL_PROPOSALS);
        JsonNode run = awaitFinished(id);
        String body = given().auth().oauth2(Tokens.accessToken("alice")).when()
                .post("/api/v1/impact-runs/" + id + "/summary").then().statusCode(201)
                .header("Location", containsString("/api/v1/impact-summaries/")).extract().asString();
        JsonNode summary = ImpactJson.read(body, JsonNode.class);
        JsonNode content = summary.get("content");
        assertEquals(run.get("inputHash").asText(), content.get("provenance").get("inputHash").asText());
        assertEquals(3, content.get("proposals").size());
        assertTrue(content.get("exposure").get("byInstrumentType").has("INDEX_OPTION"));
        assertTrue(content.get("today").get("byRiskGroup").size() > 0);

        Set<String> forbiddenFields = Set.of("positionId", "positionIds", "symbol", "underlying", "quantity", "price",
                "strike", "expiry", "pnl", "contributors", "worstScenarios", "profiles", "lines", "portfolioLabel");
        Set<String> positionTexts = new HashSet<>();
        for (String line : sampleCsv(false).split("\\R")) {
            String[] f = line.split(",");
            if (f.length > 4 && !f[0].equals("position_id")) {
                positionTexts.add(f[0]);
                positionTexts.add(f[3]);
            }
        }
        walk(summary, forbiddenFields, positionTexts);
    }

    private static void walk(JsonNode node, Set<String> forbiddenFields, Set<String> positionTexts) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                assertFalse(forbiddenFields.contains(e.getKey()), "position-level field " + e.getKey());
                walk(e.getValue(), forbiddenFields, positionTexts);
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, forbiddenFields, positionTexts));
        } else if (node.isTextual()) {
            assertFalse(positionTexts.contains(node.asText()), "position identifier in summary: " + node.asText());
        }
    }
}
