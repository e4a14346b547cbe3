package org.marginconsult.security;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeApiTest {

    @ParameterizedTest(name = "{0} is {1} of firm {2}")
    @CsvSource(nullValues = "none", value = {
            "alice, participant, firm-a",
            "amir,  participant, firm-a",
            "bella, participant, firm-b",
            "sam,   staff,       none",
            "ada,   admin,       none"})
    void aDemoUserWithARealKeycloakTokenSeesTheirNameRoleAndFirm(String user, String role, String firm) {
        given().auth().oauth2(Tokens.accessToken(user))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("username", equalTo(user))
                .body("roles", contains(role))
                .body("firm", firm == null ? nullValue() : equalTo(firm));
    }

    @Test
    void aCallWithoutTokenIsRefusedWith401InsteadOfALoginRedirect() {
        given().redirects().follow(false)
                .when().get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRefusedWith401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")
                .redirects().follow(false)
                .when().get("/api/v1/me")
                .then().statusCode(401);
    }

    @Test
    void aParticipantCallingAnAdministratorEndpointIsRefusedWith403() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/admin/audit")
                .then().statusCode(403)
                .body("error", equalTo("Not allowed"));
    }

    @Test
    void staffCallingAnAdministratorEndpointIsRefusedWith403() {
        given().auth().oauth2(Tokens.accessToken("sam"))
                .when().get("/api/v1/admin/audit")
                .then().statusCode(403);
    }

    @Test
    void anAdministratorMayReadTheAuditTrail() {
        given().auth().oauth2(Tokens.accessToken("ada"))
                .when().get("/api/v1/admin/audit")
                .then().statusCode(200);
    }
}
