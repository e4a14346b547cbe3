package org.marginconsult.portfolio;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PortfolioPagesTest {

    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    TestClock clock;

    @Inject
    PortfolioService portfolios;

    @BeforeEach
    void freezeClock() {
        clock.set(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A firm-a portfolio uploaded through the API with a real token. */
    static long uploadAsAlice(byte[] csv, String label) {
        return given().auth().oauth2(Tokens.accessToken("alice"))
                .contentType("text/csv").queryParam("label", label).queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "BROKER_DEALER").body(csv)
                .when().post("/api/v1/portfolios")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static byte[] sample() {
        return PortfolioApiTest.resource("/portfolio/sample-portfolio.csv");
    }

    /** The upload form's CSRF token and the cookie that goes with it. */
    record Csrf(String token, String cookie) {
    }

    static Csrf csrfFrom(String path) {
        Response page = given().accept("text/html").when().get(path).then().statusCode(200).extract().response();
        Matcher m = CSRF.matcher(page.asString());
        assertTrue(m.find(), "the form carries a CSRF token");
        return new Csrf(m.group(1), page.getCookie("csrf-token"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theUploadFormLinksTheTemplateAndSampleCarriesACsrfTokenAndHasNoInlineScript() {
        String html = given().accept("text/html").when().get("/portfolios/new")
                .then().statusCode(200).extract().asString();
        for (String link : List.of("/portfolios/template.csv", "/portfolios/template.xlsx", "/portfolios/sample.csv",
                "/portfolios/sample.xlsx")) {
            assertTrue(html.contains("href=\"" + link + "\""), link);
        }
        assertTrue(html.contains("enctype=\"multipart/form-data\""));
        assertTrue(html.contains("<progress id=\"upload-progress-bar\""));
        assertTrue(html.contains("<script src=\"/js/portfolio-upload.js\" defer></script>"));
        assertTrue(CSRF.matcher(html).find());
        assertTrue(html.contains("value=\"2026-11-21\""), "the as-of date defaults to today by the server clock");
        assertTrue(html.contains("Up to 100 MB and 2,000,000 positions."), "the default limits are stated");
        assertEquals(List.of(), Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).results()
                .map(r -> r.group()).toList(), "no inline script (CSP)");
        assertTrue(!html.contains("style=\""), "no inline style (CSP)");
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aPlainFormUploadRedirectsToThePortfolioWithASuccessNotice() {
        Csrf csrf = csrfFrom("/portfolios/new");
        String label = PortfolioApiTest.uniqueLabel("Page upload");
        String location = given().cookie("csrf-token", csrf.cookie()).redirects().follow(false)
                .multiPart("csrf-token", csrf.token())
                .multiPart("label", label).multiPart("asOf", "2026-11-20").multiPart("firmCategory", "BROKER_DEALER")
                .multiPart("collateralAccount", "FUTURES").multiPart("collateralAsset", "CASH_USD")
                .multiPart("collateralValue", "500000").multiPart("collateralMaturity", "")
                .multiPart("file", "sample.xlsx", given().get("/portfolios/sample.xlsx").asByteArray(), PortfolioApi.XLSX)
                .when().post("/portfolios")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/portfolios/\\d+\\?uploaded=1"), location);
        given().accept("text/html").when().get(location)
                .then().statusCode(200)
                .body(containsString("Uploaded " + label + " v1: 26 positions, no warnings."))
                .body(containsString("Posted collateral"))
                .body(containsString("500000.00"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false)
                .multiPart("label", "No token").multiPart("asOf", "2026-11-20").multiPart("firmCategory", "FCM")
                .multiPart("file", "sample.csv", sample(), "text/csv")
                .when().post("/portfolios")
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aRefusedUploadReRendersTheFormWithTheFirst200ErrorsTheCountAndTheTypedValues() {
        String bad = PositionColumn.headerLine() + "\n" + IntStream.rangeClosed(1, 250)
                .mapToObj(i -> "P" + i + ",SECURITIES,STOCK,AAPL,AAPL,ten,1,271.40,,,,,,,USD")
                .collect(Collectors.joining("\n")) + "\n";
        Csrf csrf = csrfFrom("/portfolios/new");
        String html = given().cookie("csrf-token", csrf.cookie())
                .multiPart("csrf-token", csrf.token())
                .multiPart("label", "Typed label").multiPart("asOf", "2026-11-22").multiPart("firmCategory", "FCM")
                .multiPart("file", "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/portfolios")
                .then().statusCode(422).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(html.contains("251 problems found; the first 200 in the file are listed below."), html);
        assertTrue(html.contains("The first 200 of 251, in file order"));
        assertEquals(200, Pattern.compile("is not a number: quantity expects").matcher(html).results().count());
        assertTrue(html.contains("value=\"Typed label\""));
        assertTrue(html.contains("<option value=\"FCM\" selected>"));
        assertTrue(html.contains("id=\"asOf-error\">asOf 2026-11-22 is after today, 2026-11-21 by the server clock"));
        assertTrue(html.contains("aria-invalid=\"true\""));
    }

    @Test
    @TestSecurity(user = "amir", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void thePortfolioPageShowsTotalsWarningsAndPositionsPagedAndFiltered() {
        String rows = IntStream.rangeClosed(1, 120).mapToObj(i -> (i == 120
                ? "P" + i + ",SECURITIES,STOCK,ZZZZ,ZZZZ,1,1,5,,,,,,,USD"
                : "P" + i + ",FUTURES,FUTURE,ESH7,ES," + (i % 2 == 0 ? "1" : "-1") + ",50,6871.50,,,,2027-03-19,,,USD"))
                .collect(Collectors.joining("\n"));
        long id = uploadAsAlice((PositionColumn.headerLine() + "\n" + rows + "\n").getBytes(StandardCharsets.UTF_8),
                PortfolioApiTest.uniqueLabel("Paged page"));
        String first = given().accept("text/html").when().get("/portfolios/" + id)
                .then().statusCode(200).extract().asString();
        for (String caption : List.of("By account", "By instrument type", "By risk group", "By underlying")) {
            assertTrue(first.contains("<caption>" + caption + "</caption>"), caption);
        }
        assertTrue(first.contains("US_LARGE_CAP"));
        assertTrue(first.contains("underlying ZZZZ is not in reference data 1"));
        assertTrue(first.contains("120 positions."));
        assertTrue(first.contains("<span aria-current=\"page\">1</span>"));
        assertTrue(first.contains("href=\"/portfolios/" + id + "?page=3#positions\""));
        assertTrue(first.contains("<td>P50</td>") && !first.contains("<td>P51</td>"));
        given().accept("text/html").queryParam("page", 3).when().get("/portfolios/" + id)
                .then().body(containsString("<td>P120</td>")).body(not(containsString("<td>P100</td>")));
        String filtered = given().accept("text/html").queryParam("account", "SECURITIES").queryParam("underlying", "zzzz")
                .when().get("/portfolios/" + id).then().statusCode(200).extract().asString();
        assertTrue(filtered.contains("1 position match."), filtered);
        assertTrue(filtered.contains("<option value=\"SECURITIES\" selected>"));
        String byType = given().accept("text/html").queryParam("instrumentType", "FUTURE").queryParam("q", "p12")
                .when().get("/portfolios/" + id).then().statusCode(200).extract().asString();
        assertTrue(byType.contains("1 position match."), byType);
        assertTrue(byType.contains("<td>P12</td>") && !byType.contains("<td>P120</td>"), "P120 is the stock");
        assertTrue(byType.contains("<option value=\"FUTURE\" selected>"));
    }

    @Test
    @TestSecurity(user = "bella", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-b"))
    void anotherFirmsUserGets404OnEveryPageOfAPortfolio() {
        long id = uploadAsAlice(sample(), PortfolioApiTest.uniqueLabel("Firm A only"));
        for (String path : List.of("/portfolios/" + id, "/portfolios/" + id + "?page=2",
                "/portfolios/" + id + "/positions.csv")) {
            given().accept("text/html,*/*;q=0.8").when().get(path).then().statusCode(404)
                    .body(not(containsString("Firm A only")));
        }
        Csrf csrf = csrfFrom("/portfolios/new");
        given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .when().post("/portfolios/" + id + "/delete").then().statusCode(404);
        given().accept("text/html").when().get("/portfolios")
                .then().statusCode(200).body(not(containsString("Firm A only")));
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void staffGet404OnAPortfolioPageToo() {
        long id = uploadAsAlice(sample(), PortfolioApiTest.uniqueLabel("Not for staff"));
        for (String path : List.of("/portfolios/" + id, "/portfolios/" + id + "?page=2&account=FUTURES",
                "/portfolios/" + id + "/positions.csv")) {
            given().accept("text/html,*/*;q=0.8").when().get(path).then().statusCode(404)
                    .body(not(containsString("Not for staff")));
        }
        // Staff pages carry no form, so staff hold no CSRF token: a delete is refused before the portfolio is
        // looked up, exactly as for an id that does not exist.
        int existing = given().redirects().follow(false).formParam("confirm", "yes")
                .when().post("/portfolios/" + id + "/delete").then().extract().statusCode();
        int missing = given().redirects().follow(false).formParam("confirm", "yes")
                .when().post("/portfolios/" + Long.MAX_VALUE + "/delete").then().extract().statusCode();
        assertEquals(missing, existing);
        assertTrue(existing >= 400, Integer.toString(existing));
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void deletingAHeldPortfolioFromItsPageIsRefusedWithTheReasonAndThePortfolioStays() {
        String label = PortfolioApiTest.uniqueLabel("Held on page");
        long id = uploadAsAlice(sample(), label);
        portfolios.hold(id, "comment", "MC-2026-0042", "its impact is attached to comment MC-2026-0042, submitted"
                + " 2026-11-21");
        String page = given().accept("text/html").when().get("/portfolios/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("This portfolio cannot be deleted while something relies on it:"), page);
        assertTrue(page.contains("<li>its impact is attached to comment MC-2026-0042, submitted 2026-11-21</li>"));
        assertTrue(!page.contains("action=\"/portfolios/" + id + "/delete\""), "no delete button on a held portfolio");
        // A delete posted anyway (a page opened before the comment was submitted) is refused with the reason.
        Csrf csrf = csrfFrom("/portfolios/new");
        String html = given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .redirects().follow(false)
                .when().post("/portfolios/" + id + "/delete")
                .then().statusCode(409).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains(label + " v1 cannot be deleted: its impact is attached to comment MC-2026-0042,"
                + " submitted 2026-11-21."), html);
        given().accept("text/html").when().get("/portfolios/" + id).then().statusCode(200);
        assertEquals(26, portfolios.positions(id).size());
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theListShowsTheFirmsPortfoliosAndDeletingFromThePageReturnsToIt() {
        String label = PortfolioApiTest.uniqueLabel("To delete");
        long id = uploadAsAlice(sample(), label);
        given().accept("text/html").when().get("/portfolios")
                .then().statusCode(200).body(containsString(label)).body(containsString("href=\"/portfolios/" + id + "\""));
        Csrf csrf = csrfFrom("/portfolios/" + id);
        given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token()).redirects().follow(false)
                .when().post("/portfolios/" + id + "/delete")
                .then().statusCode(303).header("Location", allOf(containsString("/portfolios?deleted="),
                        endsWith("v1")));
        given().accept("text/html").queryParam("deleted", label + " v1").when().get("/portfolios")
                .then().body(containsString("Deleted " + label + " v1."));
        given().accept("text/html").when().get("/portfolios/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theExportIsTheUploadFormatAndUploadsAgainUnchanged() {
        long id = uploadAsAlice(sample(), PortfolioApiTest.uniqueLabel("Export"));
        String csv = given().when().get("/portfolios/" + id + "/positions.csv")
                .then().statusCode(200).header("Content-Disposition", containsString("-v1.csv"))
                .extract().asString();
        assertEquals(new String(sample(), StandardCharsets.UTF_8).lines().toList(), csv.lines().toList());
    }

    @Test
    void theTemplateAndSampleDownloadWithoutLoggingIn() {
        given().when().get("/portfolios/template.csv").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"portfolio-template.csv\""))
                .body(containsString(PositionColumn.headerLine()));
        given().when().get("/portfolios/sample.xlsx").then().statusCode(200)
                .contentType(PortfolioApi.XLSX);
    }
}
