package org.marginconsult.portfolio;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.SmallUploadLimits;
import org.marginconsult.support.Tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SmallUploadLimits.class)
class UploadSizeGuardTest {

    /** Sends only the request head and the first bytes of a body that claims to be larger, then reads the answer. */
    static String announce(String path, String contentType, long contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.accessToken("alice") + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + contentLength + "\r\n\r\n" + PositionColumn.headerLine() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readNBytes(4000), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anApiUploadAnnouncingMoreThanTheLimitGets413WithTheErrorBeforeTheBodyIsRead() throws IOException {
        String response = announce("/api/v1/portfolios?label=x&asOf=2026-11-20&firmCategory=FCM", "text/csv",
                69 * 1024 + 1);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("{\"errors\":[{\"line\":null,\"column\":null,\"message\":\"The upload is larger than"
                + " 64 KB, the limit: split the portfolio into several uploads.\",\"code\":\"FILE_TOO_LARGE\"}],"
                + "\"errorCount\":1}"), response);
    }

    @Test
    void theUploadPageGets413AsAPageLinkingBackToTheForm() throws IOException {
        String response = announce("/portfolios", "multipart/form-data; boundary=x", 10L << 20);
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("<h1>File too large</h1>"), response);
        assertTrue(response.contains("The upload is larger than 64 KB, the limit"), response);
        assertTrue(response.contains("href=\"/portfolios/new\""), response);
    }

    @Test
    void uploadsWithinTheLimitAndOtherRequestsAreLetThrough() {
        given().auth().oauth2(Tokens.accessToken("alice")).contentType("text/csv")
                .queryParam("label", PortfolioApiTest.uniqueLabel("Small")).queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "FCM").body(PortfolioPagesTest.sample())
                .when().post("/api/v1/portfolios")
                .then().statusCode(201);
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios").then().statusCode(200);
    }
}
