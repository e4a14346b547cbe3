package org.marginconsult.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the test Keycloak, by password grant on the public client
 * {@code marginconsult-cli}, as a script would get them. Every demo user's password is {@code demo}.
 * A token is reused until shortly before it expires (the realm's tokens live five minutes, and the
 * suite runs longer than that).
 */
public final class Tokens {

    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(60);

    private record Issued(String accessToken, Instant usableUntil) {
    }

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A valid access token of the user, for {@code .auth().oauth2(Tokens.accessToken("alice"))}. */
    public static String accessToken(String username) {
        return CACHE.compute(username, (user, issued) ->
                issued != null && Instant.now().isBefore(issued.usableUntil()) ? issued : fetch(user)).accessToken();
    }

    private static Issued fetch(String username) {
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        Instant requestedAt = Instant.now();
        JsonPath response = RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "marginconsult-cli")
                .formParam("username", username)
                .formParam("password", "demo")
                .post(realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().jsonPath();
        Duration lifetime = Duration.ofSeconds(response.getLong("expires_in"));
        return new Issued(response.getString("access_token"), requestedAt.plus(lifetime).minus(SAFETY_MARGIN));
    }
}
