package org.marginconsult.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.Tokens;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PagesTest {

    @Test
    void theHomePageExplainsTheProductToAnonymousReaders() {
        given().accept("text/html")
                .when().get("/")
                .then().statusCode(200)
                .body(containsString("Model the margin impact"))
                .body(containsString("href=\"/login\""))
                .body(not(containsString("Administration")));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        given().accept("text/html")
                .when().get("/")
                .then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void anAnonymousReaderOfAPrivatePageIsSentToTheKeycloakLoginPage() {
        given().accept("text/html").redirects().follow(false)
                .when().get("/me")
                .then().statusCode(302)
                .header("Location", allOf(containsString("/realms/marginconsult/protocol/openid-connect/auth"),
                        containsString("client_id=marginconsult-web"), containsString("code_challenge=")));
    }

    @Test
    void anUnknownAddressGetsAFriendlyNotFoundPageWithoutAStackTrace() {
        given().accept("text/html")
                .when().get("/no/such/page")
                .then().statusCode(404)
                .body(containsString("Not found"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    @Test
    void anUnknownApiAddressAnswersJson404() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("Not found"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theAccountPageShowsNameRoleFirmAndTheParticipantsNavigation() {
        given().accept("text/html")
                .when().get("/me")
                .then().statusCode(200)
                .body(containsString("<dd id=\"username\">alice</dd>"))
                .body(containsString("<dd id=\"roles\">participant</dd>"))
                .body(containsString("<dd id=\"firm\">firm-a</dd>"))
                .body(containsString("href=\"/portfolios\""))
                .body(not(containsString("href=\"/admin/consultations\"")))
                .body(not(containsString("not linked to a firm")));
    }

    @Test
    @TestSecurity(user = "nadia", roles = "participant")
    void aParticipantWithoutAFirmIsToldSoInsteadOfAnError() {
        given().accept("text/html")
                .when().get("/me")
                .then().statusCode(200)
                .body(containsString("Your account is not linked to a firm"))
                .body(containsString("<dd id=\"firm\">—</dd>"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "admin")
    void anAdministratorSeesTheAdministrationLinks() {
        given().accept("text/html")
                .when().get("/me")
                .then().statusCode(200)
                .body(containsString("href=\"/admin/consultations\""))
                .body(containsString("href=\"/admin/audit\""))
                .body(not(containsString("href=\"/portfolios\"")));
    }

    @Test
    void healthAndMetricsAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/me"));
    }

    @Test
    void theApiDescriptionListsTheApiAndNotTheHtmlPages() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/portfolios"))
                .body(containsString("/api/v1/comments/{id}/submit"))
                .body(not(containsString("/comments/{id}/preview")))
                .body(not(containsString("/receipts/{trackingNumber}/receipt.pdf")))
                .body(not(containsString("/portfolios/template.csv")));
    }

    @Test
    void theStylesheetIsServedFromTheApplicationItself() {
        given().when().get("/css/app.css").then().statusCode(200)
                .header("Content-Type", startsWith("text/css"));
    }

    @Test
    void anUnexpectedFailureShowsAFriendlyPageWithAnIncidentReferenceAndNoInternals() {
        given().accept("text/html")
                .when().get("/test-only/boom")
                .then().statusCode(500)
                .body(containsString("Something went wrong on our side"))
                .body(containsString("Incident reference"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("db-7")))
                .body(not(containsString("at org.")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aPageOfAnotherRoleShowsAFriendlyForbiddenPage() {
        given().accept("text/html")
                .when().get("/test-only/admins-only")
                .then().statusCode(403)
                .body(containsString("Not allowed"))
                .body(containsString("<a class=\"button\" href=\"/\">"));
    }

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static String formToken(Response page) {
        Matcher m = FORM_TOKEN.matcher(page.asString());
        assertTrue(m.find(), "the page has a form with a CSRF token");
        return m.group(1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFormStillOpenInOneTabCanBeSentAfterAnotherPageWasOpenedInAnother() {
        // the upload page always has a form; the list of comments has one only while a consultation is open
        Response firstTab = given().accept("text/html").when().get("/portfolios/new");
        String token = formToken(firstTab);
        String cookie = firstTab.getCookie("csrf-token");
        Response otherTab = given().accept("text/html").cookie("csrf-token", cookie).when().get("/impact-runs/new");
        String cookieNow = otherTab.getCookie("csrf-token") == null ? cookie : otherTab.getCookie("csrf-token");

        given().redirects().follow(false).cookie("csrf-token", cookieNow).formParam("csrf-token", token)
                .when().post("/comments")
                .then().statusCode(400)
                .body(containsString("Choose a consultation to comment on."));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFormWithoutAValidTokenGetsAPageSayingNothingWasSavedInsteadOfABlankOneOrAnError() {
        Response page = given().accept("text/html").when().get("/portfolios/new");
        for (String wrong : new String[] {"bogus", formToken(page) + "x"}) {
            given().redirects().follow(false).cookie("csrf-token", page.getCookie("csrf-token"))
                    .formParam("csrf-token", wrong).formParam("consultationId", "1")
                    .when().post("/comments")
                    .then().statusCode(400)
                    .body(containsString("The form could not be accepted"))
                    .body(containsString("nothing was saved"));
        }
        given().redirects().follow(false).formParam("consultationId", "1")
                .when().post("/comments")
                .then().statusCode(400)
                .body(containsString("nothing was saved"));
    }
}
