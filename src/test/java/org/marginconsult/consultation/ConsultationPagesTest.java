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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsultationPagesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anyoneCanReadTheListWithOpenConsultationsBeforeClosedOnes() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));

        String page = given().get("/consultations").then().statusCode(200).extract().asString();

        int open = page.indexOf("Harmonizing Portfolio Margining");
        int closed = page.indexOf("Portfolio Margining of Uncleared Swaps");
        assertTrue(open > 0 && closed > 0, "both seeded consultations are listed");
        assertTrue(open < closed, "the open consultation comes first");
        assertTrue(page.contains("Comments close <strong>Monday, January 4, 2027 at 11:59:59 PM EST</strong>: 44 days and 14 hours left."));
    }

    @Test
    void theDetailPageStatesTheDeadlineInEasternTimeWithoutScript() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);

        given().get("/consultations/" + id).then().statusCode(200)
                .body(containsString("Comments close <strong>Monday, January 4, 2027 at 11:59:59 PM EST</strong>"))
                .body(containsString("(2027-01-05 04:59:59 UTC)"))
                .body(containsString("Time left: <strong data-countdown>44 days and 14 hours</strong>"))
                .body(containsString("data-closes-at=\"2027-01-05T04:59:59Z\""))
                .body(containsString("data-server-now=\"2026-11-21T15:00:00Z\""))
                .body(containsString("<script src=\"/js/consultation-countdown.js\" defer></script>"))
                .body(containsString("Late comments are refused"))
                .body(containsString("SEC file number</dt><dd>not assigned yet"))
                .body(containsString("Full offset with savings capped at 80% of the siloed requirement"))
                .body(containsString("<code>B-80pct-capped</code>"))
                .body(containsString("3. Capital, segregation and collateral treatment"))
                .body(containsString("<strong class=\"question-number\">2.2</strong>"))
                .body(containsString("<span class=\"tag\">provisional</span>"))
                .body(containsString("Opened"))
                .body(containsString("SEC Press Release 2026-59"));
    }

    @Test
    void theCountdownUsesTheServerClockOnTheLastDay() {
        long id = ConsultationFixtures.published("page-last-day", LocalDate.of(2026, 6, 30), 60);
        clock.set(Instant.parse("2026-09-01T03:58:00Z"));

        given().get("/consultations/" + id).then().statusCode(200)
                .body(containsString("Comments close <strong>Monday, August 31, 2026 at 11:59:59 PM EDT</strong>"))
                .body(containsString("Time left: <strong data-countdown>2 minutes</strong>"));
    }

    @Test
    void aClosedConsultationSaysWhenItClosed() {
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2020);

        given().get("/consultations/" + id).then().statusCode(200)
                .body(containsString("The comment period closed <strong>Monday, December 7, 2020 at 11:59:59 PM EST</strong>"))
                .body(containsString("S7-15-20"))
                .body(containsString("85 FR 70536"))
                .body(containsString("The questions of this request have not been imported."))
                .body(not(containsString("data-countdown")));
    }

    @Test
    void pagesCarryNoInlineScriptOrStyle() {
        long id = ConsultationFixtures.seededId(ConsultationSeeder.SLUG_2026);

        for (String path : new String[] {"/consultations", "/consultations/" + id}) {
            String page = given().get(path).then().statusCode(200).extract().asString();
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
            while (scripts.find()) {
                assertTrue(scripts.group(1).contains("src="), path + " has an inline script: " + scripts.group());
            }
            assertFalse(page.contains(" style="), path + " has an inline style attribute");
        }
    }

    @Test
    void theCountdownScriptIsServedAndRegistersItsEnhancer() {
        given().get("/js/consultation-countdown.js").then().statusCode(200)
                .body(containsString("marginConsult.register(\"countdown\""));
    }

    @Test
    void aDraftHasNoPublicPage() {
        long draft = ConsultationFixtures.createDraft("page-draft");

        given().get("/consultations/" + draft).then().statusCode(404);
    }
}
