package org.marginconsult.consultation.reminder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.marginconsult.security.AuditLog;
import org.marginconsult.support.Tokens;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class KnownUserRecorderTest {

    @Inject
    AuditLog audit;

    @Test
    void aParticipantUsingTheApiIsRecordedWithTheEmailAndFirmOfTheirToken() {
        given().auth().oauth2(Tokens.accessToken("bella")).get("/api/v1/me").then().statusCode(200);

        KnownUser bella = QuarkusTransaction.requiringNew().call(() -> KnownUser.findById("bella"));
        assertNotNull(bella);
        assertEquals("bella@demo.marginconsult.invalid", bella.email);
        assertEquals("firm-b", bella.firm);
    }

    @Test
    void theFirstSightingIsAuditedOnceHoweverOftenTheParticipantComesBack() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.accessToken("amir")).get("/api/v1/consultations").then().statusCode(200);
        }

        assertEquals(1, audit.forEntity("known_user", "amir").stream()
                .filter(e -> e.action.equals("KNOWN_USER_FIRST_SEEN")).count());
    }

    @Test
    void staffAndAdministratorsAreNotRecorded() {
        given().auth().oauth2(Tokens.accessToken("sam")).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/v1/me").then().statusCode(200);

        assertNull(QuarkusTransaction.requiringNew().call(() -> KnownUser.findById("sam")));
        assertNull(QuarkusTransaction.requiringNew().call(() -> KnownUser.findById("ada")));
    }
}
