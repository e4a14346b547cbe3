package org.marginconsult.consultation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.consultation.seed.ConsultationSeeder;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsultationApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSeeded2026RequestHasTheDocumentedShapeWithInstantsInUtc() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);

        given().when().get("/api/v1/consultations/" + id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("title", equalTo("Harmonizing Portfolio Margining Across Securities, Futures, Swaps and Related Positions"))
                .body("agencies", contains("SEC", "CFTC"))
                .body("identifiers", hasKey("sec"))
                .body("identifiers", hasKey("cftc"))
                .body("identifiers.federalRegister", hasKey("citation"))
                .body("identifiers.noticeUrl", equalTo("https://www.sec.gov/newsroom/press-releases/2026-59"))
                .body("commentPeriod.publishedOn", equalTo("2026-11-02"))
                .body("commentPeriod.opensAt", equalTo("2026-11-02T05:00:00Z"))
                .body("commentPeriod.closesAt", equalTo("2027-01-05T04:59:59Z"))
                .body("commentPeriod.status", equalTo("open"))
                .body("commentPeriod.lateCommentPolicy", equalTo("REJECT"))
                .body("commentPeriod.events", hasSize(1))
                .body("commentPeriod.events[0].type", equalTo("OPEN"))
                .body("commentPeriod.events[0].closesAt", equalTo("2027-01-05T04:59:59Z"))
                .body("commentPeriod.events[0]", not(hasKey("recordedBy")))
                .body("sections", hasSize(8))
                .body("sections.number", contains("1", "2", "3", "4", "5", "6", "7", "8"))
                .body("sections[1].title", equalTo("Cross-margining and cross-product offsets"))
                .body("sections[0].questions[0].id", equalTo("p-models-1"))
                .body("sections[0].questions[0].number", equalTo("1.1"))
                .body("sections[0].questions[1].parts.label", contains("a", "b", "c"))
                .body("sections.questions.flatten().provisional", everyItem(equalTo(true)))
                .body("proposals.id", contains("A-full-offset", "B-80pct-capped", "C-conservative"));
    }

    @Test
    void the2020RequestIsClosedHistoryWithBothAgenciesIdentifiers() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2020);

        given().when().get("/api/v1/consultations/" + id)
                .then().statusCode(200)
                .body("identifiers.sec.fileNumber", equalTo("S7-15-20"))
                .body("identifiers.sec.releaseNumber", equalTo("34-90246"))
                .body("identifiers.sec.rin", equalTo("3235-AM64"))
                .body("identifiers.cftc.rin", equalTo("3038-AF07"))
                .body("identifiers.federalRegister.citation", equalTo("85 FR 70536"))
                .body("commentPeriod.publishedOn", equalTo("2020-11-05"))
                .body("commentPeriod.closesAt", equalTo("2020-12-08T04:59:59Z"))
                .body("commentPeriod.status", equalTo("closed"));
    }

    @Test
    void openConsultationsAreListedBeforeUpcomingAndClosedOnes() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        ConsultationFixtures.published("list-upcoming", LocalDate.of(2026, 12, 15), 30);
        ConsultationFixtures.published("list-closed", LocalDate.of(2026, 9, 1), 30);
        ConsultationFixtures.published("list-open", LocalDate.of(2026, 11, 16), 30);

        List<String> statuses = given().when().get("/api/v1/consultations")
                .then().statusCode(200)
                .extract().jsonPath().getList("commentPeriod.status");
        List<String> rank = List.of("open", "reopened", "upcoming", "closed");
        for (int i = 1; i < statuses.size(); i++) {
            int before = statuses.get(i - 1).equals("reopened") ? 0 : rank.indexOf(statuses.get(i - 1));
            int after = statuses.get(i).equals("reopened") ? 0 : rank.indexOf(statuses.get(i));
            assertTrue(before <= after, "Out of order at " + i + ": " + statuses);
        }
        assertTrue(statuses.containsAll(List.of("open", "upcoming", "closed")), statuses.toString());
    }

    @Test
    void aDraftDoesNotExistForThePublic() {
        long draft = ConsultationFixtures.createDraft("public-draft");

        given().when().get("/api/v1/consultations/" + draft)
                .then().statusCode(404)
                .body("status", equalTo(404));
        given().when().get("/api/v1/consultations")
                .then().statusCode(200)
                .body("id", not(hasItem((int) draft)));
    }

    @Test
    void statusFollowsTheServerClockAtTheTimeOfTheRequest() {
        long id = ConsultationFixtures.published("clock-status", LocalDate.of(2026, 6, 30), 60);

        clock.set(Instant.parse("2026-06-30T03:59:59Z"));
        given().get("/api/v1/consultations/" + id).then().body("commentPeriod.status", equalTo("upcoming"));
        clock.set(Instant.parse("2026-06-30T04:00:00Z"));
        given().get("/api/v1/consultations/" + id).then().body("commentPeriod.status", equalTo("open"));
        clock.set(Instant.parse("2026-09-01T03:59:59Z"));
        given().get("/api/v1/consultations/" + id).then().body("commentPeriod.status", equalTo("open"));
        clock.set(Instant.parse("2026-09-01T04:00:00Z"));
        given().get("/api/v1/consultations/" + id).then().body("commentPeriod.status", equalTo("closed"));
    }

    @Test
    void theQuestionTreeCanBeDownloadedWithoutLoggingIn() {
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);

        Map<String, Object> tree = given().when().get("/api/v1/consultations/" + id + "/questions")
                .then().statusCode(200)
                .body("format", equalTo(QuestionTree.FORMAT))
                .body("consultation", equalTo(ConsultationSeeder.SLUG_2026))
                .extract().jsonPath().getMap("$");
        assertEquals(8, ((List<?>) tree.get("sections")).size());
    }

    @Test
    void anUnknownConsultationIs404() {
        given().when().get("/api/v1/consultations/999999999")
                .then().statusCode(404)
                .body("message", not(nullValue()));
    }
}
