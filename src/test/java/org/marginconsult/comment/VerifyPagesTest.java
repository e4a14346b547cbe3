package org.marginconsult.comment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.openConsultation;
import static org.marginconsult.support.CommentFixtures.readyDraft;

/** The public "Verify a submission" page, used without logging in. */
@QuarkusTest
class VerifyPagesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Filed(String trackingNumber, String fullSha256, String publicSha256) {
    }

    Filed fileOne() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long draft = readyDraft("alice", consultation);
        var r = as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draft + "/submit").then().statusCode(201).extract();
        String tracking = r.path("trackingNumber");
        String publicSha = as("alice").get("/api/v1/receipts/" + tracking).then().extract().path("publicSha256");
        return new Filed(tracking, r.path("sha256"), publicSha);
    }

    @Test
    void theFullVersionHashOfAStoredSubmissionMatches() {
        Filed f = fileOne();
        given().accept("text/html").queryParam("trackingNumber", f.trackingNumber()).queryParam("sha256", f.fullSha256())
                .get("/verify").then().statusCode(200)
                .body(containsString("Matches: this is the SHA-256 of the full version of submission " + f.trackingNumber()))
                .body(not(containsString("Alpha Clearing")));
    }

    @Test
    void thePublicVersionHashMatchesAndIsNamedAsSuch() {
        Filed f = fileOne();
        given().accept("text/html").queryParam("trackingNumber", f.trackingNumber().toLowerCase())
                .queryParam("sha256", f.publicSha256().toUpperCase())
                .get("/verify").then().statusCode(200)
                .body(containsString("the public version of submission " + f.trackingNumber()));
    }

    @Test
    void anotherHashDoesNotMatch() {
        Filed f = fileOne();
        String wrong = FilingBuilder.sha256("something else");
        given().accept("text/html").queryParam("trackingNumber", f.trackingNumber()).queryParam("sha256", wrong)
                .get("/verify").then().statusCode(200)
                .body(containsString("Does not match"));
    }

    @Test
    void aMistypedTrackingNumberIsCaughtByItsCheckCharacter() {
        Filed f = fileOne();
        String t = f.trackingNumber();
        String body = t.substring(8, 12) + t.substring(13, 17);
        // One character typed wrong: the check character no longer fits.
        String wrongBody = (body.charAt(0) == '7' ? '8' : '7') + body.substring(1);
        String mistyped = "MC-2026-" + wrongBody.substring(0, 4) + "-" + wrongBody.substring(4) + "-" + t.charAt(t.length() - 1);
        String expected = "not a valid tracking number";
        given().accept("text/html").queryParam("trackingNumber", mistyped).queryParam("sha256", f.fullSha256())
                .get("/verify").then().statusCode(200)
                .body(containsString(expected));
    }

    @Test
    void theEmptyPageOffersTheFormWithoutLogin() {
        given().accept("text/html").redirects().follow(false).get("/verify").then().statusCode(200)
                .body(containsString("name=\"trackingNumber\""))
                .body(not(containsString("id=\"verify-result\"")));
    }
}
