package org.marginconsult.support;

import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the test Keycloak, by password grant on the public client
 * {@code marginconsult-cli}, as a script would get them. Every demo user's password is {@code demo}.
 */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String accessToken(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    /** The header value for REST Assured: {@code .auth().oauth2(Tokens.accessToken("alice"))}. */
    private static String fetch(String username) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "marginconsult-cli")
                .formParam("username", username)
                .formParam("password", "demo")
                .post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
