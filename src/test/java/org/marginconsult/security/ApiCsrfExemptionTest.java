package org.marginconsult.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ApiCsrfExemptionTest {

    @Test
    void onlyPathsUnderApiAreExempt() {
        assertTrue(ApiCsrfExemption.isApi("/api/v1/portfolios"));
        assertFalse(ApiCsrfExemption.isApi("/portfolios"));
        assertFalse(ApiCsrfExemption.isApi("/apiary"));
        assertFalse(ApiCsrfExemption.isApi(null));
    }

    @Test
    void aBearerTokenMultipartPostUnderApiIsNotAskedForACsrfToken() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("label", "x")
                .when().post("/api/v1/portfolios")
                .then().statusCode(not(400));
    }

    @Test
    void aBearerTokenJsonPostUnderApiIsNotAskedForACsrfToken() {
        given().auth().oauth2(Tokens.accessToken("alice")).contentType("application/json").body("{}")
                .when().post("/api/v1/portfolios")
                .then().statusCode(422);
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aPageFormPostWithoutTheTokenIsStillRefused() {
        given().formParam("anything", "x").redirects().follow(false)
                .when().post("/portfolios/1/delete")
                .then().statusCode(400);
    }
}
