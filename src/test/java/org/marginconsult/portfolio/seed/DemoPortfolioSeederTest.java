package org.marginconsult.portfolio.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.marginconsult.support.DemoPortfolioData;
import org.marginconsult.support.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(DemoPortfolioData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPortfolioSeederTest {

    static final String FIRM_A_BOOK = "Demo: sample cross-margin book";
    static final String FIRM_B_BOOK = "Demo: crypto market-maker book";

    @Inject
    DemoPortfolioSeeder seeder;

    @Inject
    AgroalDataSource dataSource;

    static List<Map<String, Object>> listOf(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).when().get("/api/v1/portfolios")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    static List<Map<String, Object>> labelled(String user, String label) {
        return listOf(user).stream().filter(p -> label.equals(p.get("label"))).toList();
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String resource(String path) throws IOException {
        try (InputStream in = DemoPortfolioSeederTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(1)
    void atStartFirmAGetsTheSamplePortfolioAndFirmBACryptoBookAsAuditedSystemUploads() throws Exception {
        List<Map<String, Object>> a = labelled("alice", FIRM_A_BOOK);
        assertEquals(1, a.size(), a.toString());
        Map<String, Object> sample = a.get(0);
        assertEquals(1, sample.get("version"));
        assertEquals(26, sample.get("positions"));
        assertEquals(0, sample.get("warnings"));
        assertEquals("2026-11-20", sample.get("asOf"));
        assertEquals("DUAL_REGISTRANT", sample.get("firmCategory"));
        assertEquals("sample-portfolio.csv", sample.get("sourceName"));
        assertEquals("system", sample.get("uploadedBy"));
        long sampleId = ((Number) sample.get("id")).longValue();

        List<Map<String, Object>> b = labelled("bella", FIRM_B_BOOK);
        assertEquals(1, b.size(), b.toString());
        Map<String, Object> crypto = b.get(0);
        assertEquals(18, crypto.get("positions"));
        assertEquals(0, crypto.get("warnings"));
        assertEquals("CRYPTO_FIRM", crypto.get("firmCategory"));
        assertEquals("system", crypto.get("uploadedBy"));
        long cryptoId = ((Number) crypto.get("id")).longValue();

        assertEquals(List.of(), labelled("alice", FIRM_B_BOOK), "firm-a never sees firm-b's book");
        assertEquals(List.of(), labelled("bella", FIRM_A_BOOK), "firm-b never sees firm-a's book");
        given().auth().oauth2(Tokens.accessToken("bella")).when().get("/api/v1/portfolios/" + sampleId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios/" + cryptoId)
                .then().statusCode(404);

        JsonPath detail = given().auth().oauth2(Tokens.accessToken("amir")).when().get("/api/v1/portfolios/" + sampleId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("US_TREASURY", "CASH_USD"), detail.getList("collateral.asset"));
        assertEquals(java.util.Arrays.asList("2030-05-15", null), detail.getList("collateral.maturity"));
        JsonPath cryptoDetail = given().auth().oauth2(Tokens.accessToken("bella"))
                .when().get("/api/v1/portfolios/" + cryptoId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("STABLECOIN", "BITCOIN", "CASH_USD"), cryptoDetail.getList("collateral.asset"));
        assertTrue(cryptoDetail.getList("totals.RISK_GROUP.key").containsAll(List.of("BITCOIN", "ETHER", "NASDAQ_100",
                "US_RATES_30Y", "US_RATES_2Y", "MSTR")), cryptoDetail.getList("totals.RISK_GROUP.key").toString());

        // The positions are the shipped files, line for line (the export writes the upload format).
        String exported = given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + sampleId + "/export").then().statusCode(200).extract().asString();
        assertEquals(resource("/portfolio/sample-portfolio.csv").lines().toList(), exported.lines().toList());
        String exportedB = given().auth().oauth2(Tokens.accessToken("bella"))
                .when().get("/api/v1/portfolios/" + cryptoId + "/export").then().statusCode(200).extract().asString();
        assertEquals(resource("/portfolio/demo-crypto-market-maker.csv").lines().toList(), exportedB.lines().toList());

        for (long id : List.of(sampleId, cryptoId)) {
            assertEquals(1, count("select count(*) from audit_event where entity_type = 'portfolio' and entity_id = ?"
                    + " and action = 'portfolio.upload' and actor = 'system'", Long.toString(id)));
        }
    }

    @Test
    @Order(2)
    void seedingAgainLeavesFirmsThatHaveTheirBookAloneWithNoNewVersionOrAuditRecord() throws SQLException {
        long events = count("select count(*) from audit_event where action = 'portfolio.upload'");
        long stored = count("select count(*) from portfolio");
        assertEquals(List.of(), seeder.seed());
        assertEquals(events, count("select count(*) from audit_event where action = 'portfolio.upload'"));
        assertEquals(stored, count("select count(*) from portfolio"));
        assertEquals(1, labelled("alice", FIRM_A_BOOK).size());
        assertEquals(1, labelled("bella", FIRM_B_BOOK).size());
    }

    @Test
    @Order(3)
    void aFirmThatDeletedItsDemoBookGetsItBackAsTheNextVersionAndTheOtherFirmIsLeftAlone() throws SQLException {
        long cryptoId = ((Number) labelled("bella", FIRM_B_BOOK).get(0).get("id")).longValue();
        long sampleId = ((Number) labelled("alice", FIRM_A_BOOK).get(0).get("id")).longValue();
        given().auth().oauth2(Tokens.accessToken("bella")).when().delete("/api/v1/portfolios/" + cryptoId)
                .then().statusCode(204);
        List<Long> seeded = seeder.seed();
        assertEquals(1, seeded.size());
        List<Map<String, Object>> b = labelled("bella", FIRM_B_BOOK);
        assertEquals(1, b.size());
        assertEquals(seeded.get(0), ((Number) b.get(0).get("id")).longValue());
        assertEquals(2, b.get(0).get("version"));
        assertEquals(List.of(sampleId), labelled("alice", FIRM_A_BOOK).stream()
                .map(p -> ((Number) p.get("id")).longValue()).toList());
        assertEquals(1, count("select count(*) from audit_event where entity_type = 'portfolio' and entity_id = ?"
                + " and action = 'portfolio.upload' and actor = 'system'", Long.toString(seeded.get(0))));
    }
}
