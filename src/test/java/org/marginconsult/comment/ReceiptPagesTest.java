package org.marginconsult.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.CommentFixtures.Q1;
import static org.marginconsult.support.CommentFixtures.Q2;
import static org.marginconsult.support.CommentFixtures.as;
import static org.marginconsult.support.CommentFixtures.impactSummary;
import static org.marginconsult.support.CommentFixtures.openConsultation;
import static org.marginconsult.support.CommentFixtures.openNow;
import static org.marginconsult.support.CommentFixtures.readyDraft;

/** The receipt page, the PDF letters and what may follow a filing. */
@QuarkusTest
class ReceiptPagesTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String fileOne() {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long draft = readyDraft("alice", consultation);
        return as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draft + "/submit").then().statusCode(201).extract().path("trackingNumber");
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theFullLetterMarksConfidentialPagesAndThePublicLetterWithholdsThem() throws IOException {
        String tracking = fileOne();
        byte[] full = given().get("/receipts/" + tracking + "/comment.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String fullText = pdfText(full);
        assertTrue(fullText.contains("Confidential Treatment Requested by Alpha Clearing LLC"), fullText);
        assertTrue(fullText.contains("USD 41 million"), fullText);
        assertTrue(fullText.contains(tracking), fullText);
        String publicText = pdfText(given().get("/receipts/" + tracking + "/comment.pdf?edition=public").then().statusCode(200)
                .extract().asByteArray());
        assertFalse(publicText.contains("41 million"), publicText);
        assertTrue(publicText.contains("Withheld from the public version"), publicText);
        String receipt = pdfText(given().get("/receipts/" + tracking + "/receipt.pdf").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(receipt.contains(tracking) && receipt.contains("S7-2026-01") && receipt.contains("3038-AF99"), receipt);
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aSupplementAndAWithdrawalRequestAppearInOneThread() {
        String tracking = fileOne();
        Response page = given().accept("text/html").get("/receipts/" + tracking);
        page.then().statusCode(200).body(containsString("Start a supplement"))
                .body(containsString("action=\"/receipts/" + tracking + "/supplement\""))
                .body(containsString("action=\"/receipts/" + tracking + "/withdrawal\""));
        Matcher m = CSRF.matcher(page.asString());
        assertTrue(m.find());
        String token = m.group(1);
        String cookie = page.getCookie("csrf-token");
        String draftLocation = given().cookie("csrf-token", cookie).formParam("csrf-token", token).redirects().follow(false)
                .post("/receipts/" + tracking + "/supplement").then().statusCode(303)
                .header("Location", matchesPattern(".*/comments/\\d+")).extract().header("Location");
        long supplementDraft = Long.parseLong(draftLocation.substring(draftLocation.lastIndexOf('/') + 1));
        as("alice").get("/api/v1/comments/" + supplementDraft).then().statusCode(200)
                .body("supplementOf", org.hamcrest.Matchers.notNullValue())
                .body("submitter.organization", equalTo("Alpha Clearing LLC"));
        as("alice").body(java.util.Map.of("version", 0, "coverLetter", "A correction to our table."))
                .put("/api/v1/comments/" + supplementDraft).then().statusCode(200);
        String second = as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + supplementDraft + "/submit").then().statusCode(201).extract().path("trackingNumber");

        given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("reason", "Filed twice by mistake")
                .redirects().follow(false)
                .post("/receipts/" + tracking + "/withdrawal").then().statusCode(303);
        given().accept("text/html").get("/receipts/" + second).then().statusCode(200)
                .body(containsString(tracking))
                .body(containsString("supplement received"))
                .body(containsString("Filed twice by mistake"))
                .body(containsString("pending"));
        as("alice").get("/api/v1/receipts/" + tracking).then()
                .body("thread.kind", org.hamcrest.Matchers.contains("COMMENT", "SUPPLEMENT"))
                .body("withdrawalRequests[0].status", equalTo("PENDING"));
    }

    @Test
    @TestSecurity(user = "bella", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-b"))
    void anotherFirmCannotOpenTheReceiptOrItsLetters() {
        String tracking = fileOne();
        given().accept("text/html").get("/receipts/" + tracking).then().statusCode(404);
        given().get("/receipts/" + tracking + "/comment.pdf").then().statusCode(404);
        given().get("/receipts/" + tracking + "/attachments/1").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theLetterDrawsEachAttachedImpactSummaryAsABarChartWithItsTextAlternative() throws IOException {
        clock.reset(); // the impact worker runs on the real clock
        long consultation = openNow();
        long summary = impactSummary("alice", "Letter chart book");
        long draft = readyDraft("alice", consultation);
        as("alice").body(Map.of("version", 1, "summaries", Map.of(Q1, List.of(summary))))
                .put("/api/v1/comments/" + draft).then().statusCode(200);
        String tracking = as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draft + "/submit").then().statusCode(201).extract().path("trackingNumber");

        byte[] full = given().get("/receipts/" + tracking + "/comment.pdf").then().statusCode(200).extract().asByteArray();
        String text = pdfText(full).replaceAll("\\s+", " ");
        assertTrue(text.contains("Chart of impact summary " + summary + ": total margin requirement (USD): Today (siloed accounts) USD "),
                text);
        assertTrue(text.contains("B-80pct-capped"), text);
        // today's total and proposal B's: two bars in the chart's own colour
        assertEquals(2, barsDrawn(full), "bars filled with " + FiledCharts.BAR_FILL);
        byte[] withoutImpact = given().get("/receipts/" + fileOne() + "/comment.pdf").then().statusCode(200).extract().asByteArray();
        assertEquals(0, barsDrawn(withoutImpact));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void everyPageOfTheFullLetterThatHoldsConfidentialTextIsMarkedWithTheLegend() throws IOException {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long draft = readyDraft("alice", consultation);
        StringBuilder longConfidential = new StringBuilder();
        for (int i = 1; i <= 160; i++) {
            longConfidential.append("Secret paragraph ").append(i).append(": our house offset on desk ").append(i)
                    .append(" releases USD ").append(i).append(" million of initial margin.\n\n");
        }
        as("alice").body(Map.of("version", 1, "answers", List.of(Map.of("questionId", Q2, "text", longConfidential.toString(),
                "confidential", true, "grounds", "Confidential commercial information, 17 CFR 145.9(d)(1)(ii)"))))
                .put("/api/v1/comments/" + draft).then().statusCode(200);
        String tracking = as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draft + "/submit").then().statusCode(201).extract().path("trackingNumber");
        byte[] full = given().get("/receipts/" + tracking + "/comment.pdf").then().statusCode(200).extract().asByteArray();
        int confidentialPages = 0;
        try (PDDocument doc = Loader.loadPDF(full)) {
            assertTrue(doc.getNumberOfPages() >= 3, "a letter of " + doc.getNumberOfPages() + " pages");
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(doc);
                if (page.contains("Secret paragraph")) {
                    confidentialPages++;
                    assertTrue(page.contains("Confidential Treatment Requested by Alpha Clearing LLC"), "page " + p + ":\n" + page);
                }
            }
        }
        assertTrue(confidentialPages >= 2, "the confidential answer runs over " + confidentialPages + " pages");
        String publicText = pdfText(given().get("/receipts/" + tracking + "/comment.pdf?edition=public").then().statusCode(200)
                .extract().asByteArray());
        assertFalse(publicText.contains("Secret paragraph"), publicText);
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void noPublicRenderingCarriesAConfidentialAnswerFileOrGroundsAndTheReceiptLetterStatesEveryHash() throws IOException {
        clock.set(Instant.parse("2026-11-21T15:00:00Z"));
        long consultation = openConsultation("REJECT", LocalDate.of(2026, 11, 2), 30);
        long draft = readyDraft("alice", consultation);
        byte[] secret = "desk,margin\nrates-book-zeta,987654321\n".getBytes(StandardCharsets.UTF_8);
        byte[] open = "desk,margin\nindex-book,1000\n".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("comment", "{\"version\":1,\"newFiles\":[{\"fileName\":\"zeta-book.csv\",\"confidential\":true,"
                        + "\"grounds\":\"Trade secrets of the zeta desk, 17 CFR 200.83\"}]}", "application/json")
                .multiPart("file", "zeta-book.csv", secret, "text/csv")
                .multiPart("file", "public-table.csv", open, "text/csv")
                .put("/api/v1/comments/" + draft).then().statusCode(200);
        String tracking = as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/comments/" + draft + "/submit").then().statusCode(201).extract().path("trackingNumber");
        String secretHash = FilingBuilder.sha256(secret);
        List<String> confidential = List.of("41 million", "145.9(d)(1)(ii)", "zeta", "987654321", secretHash,
                "alice@alpha.example");

        String publicPage = given().accept("text/html").get("/receipts/" + tracking + "/public").then().statusCode(200)
                .extract().asString();
        String publicPdf = pdfText(given().get("/receipts/" + tracking + "/comment.pdf?edition=public").then().statusCode(200)
                .extract().asByteArray());
        String publicJson = publicDocument(tracking);
        for (String rendering : List.of(publicPage, publicPdf, publicJson)) {
            for (String word : confidential) {
                assertFalse(rendering.contains(word), "'" + word + "' in a public rendering:\n" + rendering);
            }
            assertTrue(rendering.contains("public-table.csv"), "the public file is listed");
            assertTrue(rendering.contains("Withheld from the public version"), rendering);
        }
        String fullPage = given().accept("text/html").get("/receipts/" + tracking + "/full").then().statusCode(200)
                .extract().asString();
        assertTrue(fullPage.contains("zeta-book.csv") && fullPage.contains(secretHash), "the full version keeps everything");

        String receipt = pdfText(given().get("/receipts/" + tracking + "/receipt.pdf").then().statusCode(200)
                .extract().asByteArray()).replaceAll("\\s+", " ");
        assertTrue(receipt.contains("November 21, 2026 at 10:00:00 AM EST") && receipt.contains("2026-11-21 15:00:00 UTC"), receipt);
        String compact = receipt.replace(" ", "");
        assertTrue(compact.contains(secretHash) && compact.contains(FilingBuilder.sha256(open)), "each file's SHA-256: " + receipt);
        String fullHash = as("alice").get("/api/v1/receipts/" + tracking).then().extract().path("sha256");
        assertTrue(compact.contains(fullHash), "the full version's SHA-256: " + receipt);
        assertTrue(receipt.contains("S7-2026-01") && receipt.contains("3038-AF99"), receipt);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @jakarta.transaction.Transactional
    String publicDocument(String tracking) {
        return (String) em.createNativeQuery("select public_document from comment_submission where tracking_number = ?1")
                .setParameter(1, tracking).getSingleResult();
    }

    /** Counts the paths filled with the bar colour of {@link FiledCharts} on every page, forms included. */
    static int barsDrawn(byte[] pdf) throws IOException {
        int bar = java.awt.Color.decode(FiledCharts.BAR_FILL).getRGB() & 0xFFFFFF;
        int[] count = {0};
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                new PDFGraphicsStreamEngine(page) {
                    private final Point2D.Float current = new Point2D.Float();

                    @Override
                    public void fillPath(int windingRule) throws IOException {
                        if ((getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF) == bar) {
                            count[0]++;
                        }
                    }

                    @Override
                    public void fillAndStrokePath(int windingRule) throws IOException {
                        fillPath(windingRule);
                    }

                    @Override
                    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                    }

                    @Override
                    public void drawImage(PDImage pdImage) {
                    }

                    @Override
                    public void clip(int windingRule) {
                    }

                    @Override
                    public void moveTo(float x, float y) {
                        current.setLocation(x, y);
                    }

                    @Override
                    public void lineTo(float x, float y) {
                        current.setLocation(x, y);
                    }

                    @Override
                    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                        current.setLocation(x3, y3);
                    }

                    @Override
                    public Point2D getCurrentPoint() {
                        return current;
                    }

                    @Override
                    public void closePath() {
                    }

                    @Override
                    public void endPath() {
                    }

                    @Override
                    public void strokePath() {
                    }

                    @Override
                    public void shadingFill(COSName shadingName) {
                    }

                    void run() throws IOException {
                        processPage(getPage());
                    }
                }.run();
            }
        }
        return count[0];
    }
}
