package org.marginconsult.review;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.openConsultation;
import static org.marginconsult.support.CommentFixtures.readyDraft;

/** Staff's review page: filed comments by consultation, and withdrawal requests decided from a form. */
@QuarkusTest
class ReviewPagesTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Files a comment for firm-a and asks for its withdrawal; returns the tracking number and the request's id. */
    String[] fileAndAskToWithdraw(String reason) {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long draft = readyDraft("alice", consultation);
        String tracking = as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draft + "/submit").then().statusCode(201).extract().path("trackingNumber");
        Number id = as("alice").body(Map.of("reason", reason))
                .post("/api/v1/receipts/" + tracking + "/withdrawal-requests").then().statusCode(201).extract().path("id");
        return new String[] {tracking, String.valueOf(id)};
    }

    long audits(String action, String tracking) {
        return ((Number) em.createNativeQuery("select count(*) from audit_event where action = ?1 and entity_id = ?2")
                .setParameter(1, action).setParameter(2, tracking).getSingleResult()).longValue();
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void staffSeeEachFiledCommentAndGrantAWithdrawalFromThePageWhichTheReceiptThenShows() {
        String[] filed = fileAndAskToWithdraw("Filed twice by mistake");
        String tracking = filed[0];
        given().accept("text/html").get("/receipts/" + tracking).then().statusCode(200)
                .body(containsString("<a href=\"/review#withdrawal-" + filed[1] + "\">Decide on the Review page</a>"));
        Response page = given().accept("text/html").get("/review");
        page.then().statusCode(200)
                .body(containsString("id=\"withdrawal-" + filed[1] + "\""))
                .body(containsString("<a href=\"/receipts/" + tracking + "\">" + tracking + "</a>"))
                .body(containsString("Filed twice by mistake"))
                .body(containsString("action=\"/review/withdrawal-requests/" + filed[1] + "/decision\""));
        Matcher m = CSRF.matcher(page.asString());
        assertTrue(m.find(), "the decision form carries a CSRF token");

        given().cookie("csrf-token", page.getCookie("csrf-token")).formParam("csrf-token", m.group(1))
                .formParam("decision", "grant").formParam("note", "Duplicate of an earlier filing")
                .redirects().follow(false)
                .post("/review/withdrawal-requests/" + filed[1] + "/decision").then().statusCode(303)
                .header("Location", containsString("/review?decided="
                        + URLEncoder.encode(tracking, StandardCharsets.UTF_8) + "&outcome=granted"));

        as("alice").get("/api/v1/receipts/" + tracking).then().statusCode(200)
                .body("withdrawalRequests[0].status", equalTo("GRANTED"))
                .body("withdrawalRequests[0].decidedBy", equalTo("sam"));
        assertEquals(1, audits("COMMENT_WITHDRAWAL_GRANTED", tracking));
        given().accept("text/html").get("/review?decided=" + tracking + "&outcome=granted").then().statusCode(200)
                .body(containsString("The withdrawal request for " + tracking + " was granted"))
                .body(containsString("Duplicate of an earlier filing"))
                .body(not(containsString("action=\"/review/withdrawal-requests/" + filed[1] + "/decision\"")));
        // the receipt's thread (the firm's page and staff's alike) states the decision and its reason
        given().accept("text/html").get("/receipts/" + tracking).then().statusCode(200)
                .body(containsString("granted</span>: Duplicate of an earlier filing"))
                .body(not(containsString("Decide on the Review page")));
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void aDecisionWithoutAChoiceOrAReasonIsRefusedNextToItsFormKeepingTheNoteAndDecidingNothing() {
        String[] filed = fileAndAskToWithdraw("Wrong consultation");
        Response page = given().accept("text/html").get("/review");
        Matcher m = CSRF.matcher(page.asString());
        assertTrue(m.find());
        String cookie = page.getCookie("csrf-token");
        String token = m.group(1);

        given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("note", "Typed but no choice")
                .post("/review/withdrawal-requests/" + filed[1] + "/decision").then().statusCode(400)
                .body(containsString("Choose whether to grant or deny the withdrawal."))
                .body(containsString(">Typed but no choice</textarea>"));
        given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("decision", "deny")
                .formParam("note", " ")
                .post("/review/withdrawal-requests/" + filed[1] + "/decision").then().statusCode(400)
                .body(containsString("Give the reason for the decision"));

        as("alice").get("/api/v1/receipts/" + filed[0]).then()
                .body("withdrawalRequests[0].status", equalTo("PENDING"));
        assertEquals(0, audits("COMMENT_WITHDRAWAL_DENIED", filed[0]));
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void aDecisionWithoutTheCsrfTokenIsRefusedAndDecidesNothing() {
        String[] filed = fileAndAskToWithdraw("Sent by an intern");
        given().formParam("decision", "grant").formParam("note", "ok")
                .post("/review/withdrawal-requests/" + filed[1] + "/decision").then().statusCode(400);
        as("alice").get("/api/v1/receipts/" + filed[0]).then()
                .body("withdrawalRequests[0].status", equalTo("PENDING"));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aParticipantCannotOpenTheReviewPageNorDecide() {
        String[] filed = fileAndAskToWithdraw("Our own request");
        given().accept("text/html").get("/review").then().statusCode(403);
        given().formParam("decision", "grant").formParam("note", "self-granted")
                .post("/review/withdrawal-requests/" + filed[1] + "/decision").then().statusCode(403);
        as("alice").get("/api/v1/receipts/" + filed[0]).then()
                .body("withdrawalRequests[0].status", equalTo("PENDING"));
    }
}
