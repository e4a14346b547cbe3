package org.marginconsult.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Consultations with questions and draft comments for the comment tests, made through the real APIs
 * with real tokens: the administrator creates, fills and publishes a consultation; participants write.
 */
public final class CommentFixtures {

    /** The question keys of every consultation made here. */
    public static final String Q1 = "c-models-1";
    public static final String Q2 = "c-offsets-1";

    private CommentFixtures() {
    }

    /**
     * A consultation published on {@code publishedOn} for {@code days} days, with two questions in two
     * sections. The caller has set the clock to a day inside the period.
     */
    public static long openConsultation(String policy, LocalDate publishedOn, int days) {
        Map<String, Object> body = ConsultationFixtures.draftBody(ConsultationFixtures.uniqueSlug("comments"));
        body.put("lateCommentPolicy", policy);
        long id = ConsultationFixtures.createDraft(body);
        Map<String, Object> tree = Map.of("format", "marginconsult.questions/1", "sections", List.of(
                Map.of("id", "s-models", "number", "1", "title", "Existing portfolio-margining models", "questions",
                        List.of(Map.of("id", Q1, "number", "1.1", "text", "Which models do you use today?", "parts", List.of()))),
                Map.of("id", "s-offsets", "number", "2", "title", "Cross-margining and cross-product offsets", "questions",
                        List.of(Map.of("id", Q2, "number", "2.1", "text", "Which offsets should be recognised?", "parts", List.of())))));
        ConsultationFixtures.asAdmin().body(tree).queryParam("reason", "Test questions")
                .put("/api/v1/admin/consultations/" + id + "/questions").then().statusCode(200);
        ConsultationFixtures.publish(id, publishedOn, days).statusCode(201);
        return id;
    }

    /**
     * A consultation open now on the application's clock (the real one unless a test froze it), whatever
     * the day the suite runs: published yesterday, Eastern time, for 60 days. For tests that need the
     * real clock, such as those that wait for the impact worker.
     */
    public static long openNow() {
        Instant now = io.quarkus.arc.Arc.container().instance(TestClock.class).get().instant();
        return openConsultation("REJECT", LocalDate.ofInstant(now, java.time.ZoneId.of("America/New_York")).minusDays(1), 60);
    }

    /** The closing instant of the consultation's current window, as the public API states it. */
    public static Instant closesAt(long consultationId) {
        String closesAt = given().get("/api/v1/consultations/" + consultationId).then().statusCode(200)
                .extract().path("commentPeriod.closesAt");
        return Instant.parse(closesAt);
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    public static long startDraft(String user, long consultationId) {
        Number id = as(user).body(Map.of("consultationId", consultationId)).post("/api/v1/comments")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A draft complete enough to submit: submitter, both agencies, one public and one confidential answer. */
    public static long readyDraft(String user, long consultationId) {
        long id = startDraft(user, consultationId);
        as(user).body(Map.of("version", 0,
                "organization", "Alpha Clearing LLC",
                "category", "DUAL_REGISTRANT",
                "contactName", "Alice Analyst",
                "contactEmail", "alice@alpha.example",
                "agencies", List.of("SEC", "CFTC"),
                "coverLetter", "Dear Secretaries,\n\nWe welcome the joint request.",
                "answers", List.of(
                        Map.of("questionId", Q1, "text", "We run TIMS and SPAN side by side.", "confidential", false),
                        Map.of("questionId", Q2, "text", "Our book would release USD 41 million under proposal B.",
                                "confidential", true, "grounds", "Confidential commercial information, 17 CFR 145.9(d)(1)(ii)"))))
                .put("/api/v1/comments/" + id).then().statusCode(200);
        return id;
    }

    /**
     * A real impact summary of {@code user}'s firm: uploads the sample portfolio (without cash
     * Treasuries, which a portfolio-margin run refuses) under {@code label}, runs it against proposal
     * B on the real clock and waits for the worker, then saves the run's summary. Returns its id.
     */
    public static long impactSummary(String user, String label) {
        String sample;
        try (InputStream in = CommentFixtures.class.getResourceAsStream("/portfolio/sample-portfolio.csv")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder csv = new StringBuilder();
        for (String line : sample.split("\\R")) {
            if (!line.contains(",TREASURY,")) {
                csv.append(line).append("\r\n");
            }
        }
        long portfolio = given().auth().oauth2(Tokens.accessToken(user)).contentType("text/csv")
                .queryParam("label", label).queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "DUAL_REGISTRANT").body(csv.toString())
                .post("/api/v1/portfolios").then().statusCode(201).extract().jsonPath().getLong("id");
        long run = as(user).body(Map.of("proposals", List.of("B-80pct-capped"), "securitiesRegime", "PORTFOLIO_MARGIN"))
                .post("/api/v1/portfolios/" + portfolio + "/impact-runs").then().statusCode(202).extract().jsonPath().getLong("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String status = "";
        while (System.nanoTime() < deadline && !status.equals("DONE") && !status.equals("FAILED")) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = as(user).get("/api/v1/impact-runs/" + run).then().extract().path("status");
        }
        if (!"DONE".equals(status)) {
            throw new AssertionError("impact run " + run + " ended " + status + ": " + as(user).get("/api/v1/impact-runs/" + run).asString());
        }
        return as(user).post("/api/v1/impact-runs/" + run + "/summary").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
