package org.marginconsult.portfolio;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PortfolioApiTest {

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void freezeClock() {
        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static byte[] resource(String path) {
        try (InputStream in = PortfolioApiTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aParticipantUploadsTheSampleAsCsvAndGets201WithThePositionCount() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .contentType("text/csv")
                .queryParam("label", "Sample book")
                .queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "DUAL_REGISTRANT")
                .body(resource("/portfolio/sample-portfolio.csv"))
                .when().post("/api/v1/portfolios")
                .then().log().ifValidationFails().statusCode(201)
                .body("positions", equalTo(26))
                .body("warnings", hasSize(0));
    }

    @Test
    void aMultipartUploadWithABearerTokenIsNotBlockedByTheFormCsrfCheck() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("file", "sample.csv", resource("/portfolio/sample-portfolio.csv"), "text/csv")
                .multiPart("label", "Multipart book")
                .multiPart("asOf", "2026-11-20")
                .multiPart("firmCategory", "FCM")
                .when().post("/api/v1/portfolios")
                .then().log().ifValidationFails().statusCode(201)
                .body("positions", equalTo(26));
    }
}
