package org.marginconsult.portfolio;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Position;
import org.marginconsult.security.AuditEvent;
import org.marginconsult.security.AuditLog;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PortfolioServiceTest {

    @Inject
    PortfolioService portfolios;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @Inject
    PortfolioConfig config;

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

    static List<Position> sampleAsRead() throws IOException {
        List<Position> out = new ArrayList<>();
        new PositionReader(PositionReaderTest.reference()).csv(new ByteArrayInputStream(PortfolioPagesTest.sample()),
                new ReadRules(LocalDate.of(2026, 11, 20), 1 << 20, 1000, 1000), (line, p, cells) -> out.add(p));
        return out;
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theStoredPositionsAreTheEnginesPositionsExactlyAsUploadedInLineOrder() throws IOException {
        long id = PortfolioPagesTest.uploadAsAlice(PortfolioPagesTest.sample(), PortfolioApiTest.uniqueLabel("Loaded"));
        List<Position> expected = sampleAsRead();
        assertEquals(expected, portfolios.positions(id));
        List<Integer> lines = new ArrayList<>();
        List<Position> streamed = new ArrayList<>();
        portfolios.forEachPosition(id, stored -> {
            lines.add(stored.line());
            streamed.add(stored.position());
        });
        assertEquals(expected, streamed);
        assertEquals(2, lines.get(0));
        assertEquals(27, lines.get(lines.size() - 1));
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "bella", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-b"))
    void anotherFirmCannotLoadThePositionsNorHoldThePortfolio() {
        long id = PortfolioPagesTest.uploadAsAlice(PortfolioPagesTest.sample(), PortfolioApiTest.uniqueLabel("Guarded"));
        assertThrows(NotFoundException.class, () -> portfolios.positions(id));
        assertThrows(NotFoundException.class, () -> portfolios.forEachPosition(id, p -> { }));
        assertThrows(NotFoundException.class, () -> portfolios.hold(id, "comment", "MC-9", "attached"));
        assertThrows(NotFoundException.class, () -> portfolios.delete(id));
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "sam", roles = "staff")
    void staffWithoutAFirmFindNoPortfolio() {
        long id = PortfolioPagesTest.uploadAsAlice(PortfolioPagesTest.sample(), PortfolioApiTest.uniqueLabel("Staff"));
        assertThrows(NotFoundException.class, () -> portfolios.requireOwned(id));
        assertThrows(NotFoundException.class, () -> portfolios.positions(id));
        assertThrows(NotFoundException.class, () -> portfolios.delete(id));
        assertEquals(List.of(), portfolios.listOwned());
    }

    @Test
    void aFailureAfterTheCopyRollsBackThePositionsWithThePortfolioAndItsVersionNumber() throws SQLException {
        String label = PortfolioApiTest.uniqueLabel("Rolled back");
        List<Long> before = rows();
        QuarkusMock.installMockForType(new AuditLog() {
            @Override
            public AuditEvent record(String action, String entityType, Object entityId, Object beforeState,
                    Object afterState, String detail) {
                throw new IllegalStateException("the audit trail is unavailable");
            }
        }, AuditLog.class);
        given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                .queryParam("label", label).queryParam("asOf", "2026-11-20").queryParam("firmCategory", "FCM")
                .body(PortfolioPagesTest.sample())
                .when().post("/api/v1/portfolios")
                .then().statusCode(500);
        assertEquals(before, rows(), "the positions already copied went with the rest, the version number too");
    }

    /** Portfolios, positions, label series and portfolio audit events, to prove a failed upload left nothing. */
    List<Long> rows() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("select count(*) from portfolio", "select count(*) from portfolio_position",
                    "select count(*) from portfolio_series", "select coalesce(sum(last_version), 0) from portfolio_series",
                    "select count(*) from audit_event where entity_type = 'portfolio'")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    @Test
    void theTestsRunWithoutDemoPortfoliosUnlessATestProfileTurnsThemOn() {
        assertFalse(config.demoData());
    }

    @Test
    void aBackgroundJobChecksOwnershipAgainstTheFirmItWasGiven() {
        long id = PortfolioPagesTest.uploadAsAlice(PortfolioPagesTest.sample(), PortfolioApiTest.uniqueLabel("Job"));
        assertEquals(id, portfolios.requireOwnedBy(id, "firm-a").id);
        assertThrows(NotFoundException.class, () -> portfolios.requireOwnedBy(id, "firm-b"));
        assertThrows(NotFoundException.class, () -> portfolios.requireOwnedBy(id, null));
        List<String> ids = new ArrayList<>();
        portfolios.forEachPosition(id, "firm-a", stored -> ids.add(stored.position().positionId()));
        assertEquals(26, ids.size());
        assertEquals("EQ-001", ids.get(0));
        assertThrows(NotFoundException.class, () -> portfolios.forEachPosition(id, "firm-b", stored -> { }));
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void anExplicitHoldRefusesDeletionAndIsAuditedOnce() {
        long id = PortfolioPagesTest.uploadAsAlice(PortfolioPagesTest.sample(), PortfolioApiTest.uniqueLabel("Held"));
        portfolios.hold(id, "legal-hold", "LH-7", "kept under legal hold LH-7");
        portfolios.hold(id, "legal-hold", "LH-7", "kept under legal hold LH-7");
        assertEquals(1, portfolios.holds(id).size());
        PortfolioHeldException refused = assertThrows(PortfolioHeldException.class, () -> portfolios.delete(id));
        assertTrue(refused.getMessage().endsWith("v1 cannot be deleted: kept under legal hold LH-7. A portfolio"
                + " behind a submitted comment is kept so the comment's figures stay reproducible."),
                refused.getMessage());
        assertEquals(26, portfolios.positions(id).size());
        List<AuditEvent> events = audit.forEntity("portfolio", Long.toString(id));
        assertEquals(List.of("portfolio.upload", "portfolio.hold"), events.stream().map(e -> e.action).toList());
        assertTrue(events.get(0).afterState.contains("\"positions\": 26")
                || events.get(0).afterState.contains("\"positions\":26"), events.get(0).afterState);
        assertEquals("alice", events.get(0).actor);
    }

    @Test
    void concurrentUploadsUnderOneLabelGetConsecutiveVersions() throws Exception {
        String label = PortfolioApiTest.uniqueLabel("Concurrent");
        String token = Tokens.accessToken("alice");
        Callable<Integer> upload = () -> given().auth().oauth2(token).contentType("text/csv")
                .queryParam("label", label).queryParam("asOf", "2026-11-20").queryParam("firmCategory", "FCM")
                .body(PortfolioPagesTest.sample())
                .when().post("/api/v1/portfolios")
                .then().statusCode(201).extract().jsonPath().getInt("version");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.of(upload, upload, upload));
            Set<Integer> versions = new TreeSet<>();
            for (Future<Integer> r : results) {
                versions.add(r.get());
            }
            assertEquals(Set.of(1, 2, 3), versions);
        } finally {
            pool.shutdownNow();
        }
    }
}
