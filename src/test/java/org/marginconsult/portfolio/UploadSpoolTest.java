package org.marginconsult.portfolio;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.SmallUploadLimits;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SmallUploadLimits.class)
class UploadSpoolTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    @BeforeEach
    void freezeClock() {
        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long portfolios() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from portfolio")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String rows(int n) {
        return PositionColumn.headerLine() + "\n" + IntStream.rangeClosed(1, n)
                .mapToObj(i -> "P" + i + ",SECURITIES,STOCK,AAPL,AAPL,1,1,271.40,,,,,,,USD")
                .collect(Collectors.joining("\n")) + "\n";
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefused413WhileItStreamsAndTheConnectionIsClosed() throws Exception {
        long before = portfolios();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/portfolios?label=Endless&asOf=2026-11-20&firmCategory=FCM HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Tokens.accessToken("alice") + "\r\n"
                    + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = "P1,SECURITIES,STOCK,AAPL,AAPL,1,1,271.40,,,,,,,USD\n".getBytes(StandardCharsets.US_ASCII);
            AtomicLong sent = new AtomicLong();
            Thread sender = new Thread(() -> {
                byte[] chunk = new byte[line.length * 20];
                for (int i = 0; i < 20; i++) {
                    System.arraycopy(line, 0, chunk, i * line.length, line.length);
                }
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < 50L << 20) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException closedByServer) {
                    // The server answered and closed the connection: what this test expects.
                }
            });
            sender.start();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sender.join(20_000);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("FILE_TOO_LARGE"), response);
            assertTrue(sent.get() < 50L << 20, "the server stopped the upload, it did not read all of it");
        }
        assertEquals(before, portfolios());
    }

    @Test
    void aFormFileJustOverTheLimitIsRefused413AfterTheHeadersPassed() throws SQLException {
        long before = portfolios();
        String big = rows(1250);
        assertTrue(big.length() > 64 * 1024 && big.length() < 67 * 1024, Integer.toString(big.length()));
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("file", "big.csv", big.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("label", "Big").multiPart("asOf", "2026-11-20").multiPart("firmCategory", "FCM")
                .when().post("/api/v1/portfolios")
                .then().statusCode(413);
        assertEquals(before, portfolios());
    }

    @Test
    void moreRowsThanTheLimitAreRefused413AtTheFirstRowTooMany() throws SQLException {
        long before = portfolios();
        JsonPath body = given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                .queryParam("label", "Many").queryParam("asOf", "2026-11-20").queryParam("firmCategory", "FCM")
                .body(PortfolioApiTest.resource("/portfolio/bad/too-many-rows.csv"))
                .when().post("/api/v1/portfolios")
                .then().statusCode(413).extract().jsonPath();
        assertEquals(List.of("TOO_MANY_ROWS"), body.getList("errors.code"));
        assertEquals(102, body.getInt("errors[0].line"));
        assertEquals("The upload has more than 100 positions, the limit: split the portfolio into several uploads.",
                body.getString("errors[0].message"));
        assertEquals(before, portfolios());
    }
}
