package org.marginconsult.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Consultations for tests, made through the administrators' API with ada's real token, as an
 * administrator's script would. Each gets a unique slug so tests never collide in the shared database.
 */
public final class ConsultationFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private ConsultationFixtures() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A valid create body; tests change what they are about. */
    public static Map<String, Object> draftBody(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("title", "Test request " + slug);
        body.put("summary", "A request for comment made by a test.");
        body.put("agencies", List.of("SEC", "CFTC"));
        body.put("identifiers", Map.of(
                "sec", Map.of("fileNumber", "S7-2026-01", "releaseNumber", "34-99999"),
                "cftc", Map.of("rin", "3038-AF99"),
                "federalRegister", Map.of("citation", "91 FR 12345")));
        body.put("periodDays", 60);
        body.put("lateCommentPolicy", "REJECT");
        body.put("proposals", List.of(Map.of("id", "B-80pct-capped", "title", "Proposal B")));
        return body;
    }

    public static long createDraft(String prefix) {
        return createDraft(draftBody(uniqueSlug(prefix)));
    }

    public static long createDraft(Map<String, Object> body) {
        Number id = asAdmin().body(body)
                .post("/api/v1/admin/consultations")
                .then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }

    public static ValidatableResponse changePeriod(long id, String action, Map<String, Object> body) {
        return asAdmin().body(body).post("/api/v1/admin/consultations/" + id + "/period/" + action).then()
                .log().ifValidationFails();
    }

    public static ValidatableResponse publish(long id, LocalDate publishedOn, int days) {
        return changePeriod(id, "publish", Map.of("citation", "91 FR 12345", "reason", "Published",
                "publishedOn", publishedOn.toString(), "periodDays", days));
    }

    /** A draft published on {@code publishedOn} with a period of {@code days} days. */
    public static long published(String prefix, LocalDate publishedOn, int days) {
        long id = createDraft(prefix);
        publish(id, publishedOn, days).statusCode(201);
        return id;
    }

    public static long seededId(String slug) {
        List<Map<String, Object>> all = given().get("/api/v1/consultations").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(c -> slug.equals(c.get("slug"))).map(c -> ((Number) c.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("No seeded consultation " + slug));
    }

    public static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON);
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}
