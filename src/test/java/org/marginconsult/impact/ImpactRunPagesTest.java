package org.marginconsult.impact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

@QuarkusTest
class ImpactRunPagesTest {

    static Long doneRun;
    static Long failedRun;

    @Inject
    ImpactWorker worker;

    @AfterEach
    void restore() throws InterruptedException {
        worker.startClaiming();
        ImpactRunApiTest.awaitIdle();
    }

    static synchronized long doneRun() throws Exception {
        if (doneRun == null) {
            doneRun = ImpactRunApiTest.submit("alice", ImpactRunApiTest.pmPortfolio(), ImpactRunApiTest.ALL_PROPOSALS);
            assertEquals("DONE", ImpactRunApiTest.awaitFinished(doneRun).get("status").asText());
        }
        return doneRun;
    }

    synchronized long failedRun() throws Exception {
        if (failedRun == null) {
            failedRun = ImpactRunApiTest.runOfADeletedPortfolio(worker);
            assertEquals("FAILED", ImpactRunApiTest.awaitFinished(failedRun).get("status").asText());
        }
        return failedRun;
    }

    /** A page's CSRF cookie and form token, as a browser would send them back. */
    record Csrf(String cookie, String token) {
        static Csrf from(Response page) {
            Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
            assertTrue(m.find(), "the page has a CSRF field");
            return new Csrf(page.getCookie("csrf-token"), m.group(1));
        }
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theRunFormOffersTheFirmsPortfoliosTheProposalsAndBothSecuritiesRegimes() {
        ImpactRunApiTest.pmPortfolio();
        given().accept("text/html").when().get("/impact-runs/new").then().statusCode(200)
                .body(containsString("Impact test book v"))
                .body(containsString("value=\"A-full-offset\""))
                .body(containsString("value=\"C-conservative\""))
                .body(containsString("value=\"STRATEGY_BASED\""))
                .body(containsString("value=\"PORTFOLIO_MARGIN\""))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theRunFormOffersOnlyConsultationsWithProposalsAndARunForOneWithoutIsRefusedWithAClearMessage() {
        long precedent = given().when().get("/api/v1/consultations").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.slug == 'sec-cftc-2020-uncleared-swaps-portfolio-margining' }.id");
        Response form = given().accept("text/html").when().get("/impact-runs/new");
        form.then().statusCode(200)
                .body(containsString("(proposals A-full-offset, B-80pct-capped, C-conservative)"))
                .body(not(containsString("Portfolio Margining of Uncleared Swaps")))
                .body(not(containsString("proposals []")));
        Csrf csrf = Csrf.from(form);
        given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .formParam("portfolio", ImpactRunApiTest.pmPortfolio()).formParam("consultation", precedent)
                .formParam("proposals", "A-full-offset").formParam("securitiesRegime", "PORTFOLIO_MARGIN")
                .when().post("/impact-runs").then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"consultation-error\">Consultation " + precedent
                        + " consults on no cross-margin proposal: choose another consultation, or none.</p>"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void submittingTheFormQueuesTheRunAndRedirectsToItsProgressPageWhichRefreshesWithoutScript() {
        worker.stopClaiming();
        Response form = given().accept("text/html").when().get("/impact-runs/new");
        Csrf csrf = Csrf.from(form);
        String location = given().redirects().follow(false).cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token()).formParam("portfolio", ImpactRunApiTest.pmPortfolio())
                .formParam("proposals", "A-full-offset").formParam("proposals", "B-80pct-capped")
                .formParam("securitiesRegime", "PORTFOLIO_MARGIN")
                .when().post("/impact-runs").then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/impact-runs/\\d+$"), location);
        given().accept("text/html").when().get(location).then().statusCode(200)
                .body(containsString("<meta http-equiv=\"refresh\" content=\"3\">"))
                .body(containsString("<progress id=\"run-progress\""))
                .body(containsString("<script src=\"/js/impact-progress.js\" defer></script>"))
                .body(containsString("QUEUED"));
        given().when().get(location + "/progress").then().statusCode(200)
                .body(containsString("\"status\":\"QUEUED\""));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFirmAtItsLimitOfActiveRunsSeesTheFormAgainWithTheMessageAnd429AndNothingIsQueued() throws Exception {
        worker.stopClaiming();
        ImpactRunApiTest.submit("amir", ImpactRunApiTest.pmPortfolio(), ImpactRunApiTest.ALL_PROPOSALS);
        ImpactRunApiTest.submit("amir", ImpactRunApiTest.pmPortfolio(), ImpactRunApiTest.ALL_PROPOSALS);
        long before = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ImpactRun.count());
        Csrf csrf = Csrf.from(given().accept("text/html").when().get("/impact-runs/new"));
        given().redirects().follow(false).cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .formParam("portfolio", ImpactRunApiTest.pmPortfolio()).formParam("proposals", "C-conservative")
                .formParam("securitiesRegime", "PORTFOLIO_MARGIN")
                .when().post("/impact-runs").then().statusCode(429)
                .body(containsString("<p class=\"notice error\" role=\"alert\">Your firm already has 2 impact runs "
                        + "queued or running, the most allowed at once (2). Wait for one to finish, then start this one "
                        + "again.</p>"))
                .body(matchesPattern("(?s).*value=\"C-conservative\"[^>]*checked.*"));
        assertEquals(before, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ImpactRun.count()));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFormWithoutAProposalIsShownAgainWithTheErrorNextToTheField() {
        Csrf csrf = Csrf.from(given().accept("text/html").when().get("/impact-runs/new"));
        given().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token())
                .formParam("portfolio", ImpactRunApiTest.pmPortfolio()).formParam("securitiesRegime", "PORTFOLIO_MARGIN")
                .when().post("/impact-runs").then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"proposals-error\">Choose at least one proposal.</p>"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theResultPageShowsTheSummaryTablesChartsWithTextAlternativesAndDrillDownLinks() throws Exception {
        long id = doneRun();
        given().accept("text/html").when().get("/impact-runs/" + id).then().statusCode(200)
                .body(containsString("Change %"))
                .body(containsString("aria-labelledby=\"chart-groups-title chart-groups-desc\""))
                .body(containsString("aria-labelledby=\"chart-profile-title chart-profile-desc\""))
                .body(containsString("aria-labelledby=\"chart-sensitivity-title chart-sensitivity-desc\""))
                .body(containsString("<table class=\"chart-data\">"))
                .body(containsString("href=\"/impact-runs/" + id + "/groups/US_LARGE_CAP\""))
                .body(containsString("Liquidity released"))
                .body(containsString("Offsets recognised"))
                .body(containsString("<svg"))
                .body(not(containsString("src=\"http")))
                .body(not(containsString("href=\"http")))
                .body(not(containsString("style=")));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theResultPageShowsTheResultsFiguresTotalsAccountsAddOnsAndCollateralTodayAgainstEachProposal()
            throws Exception {
        long id = doneRun();
        com.fasterxml.jackson.databind.JsonNode result = ImpactRunApiTest.get(id).get("result");
        String page = given().accept("text/html").when().get("/impact-runs/" + id).then().statusCode(200)
                .extract().asString();
        var today = result.get("today");
        assertContains(page, "<th scope=\"row\">Today (siloed: securities under PORTFOLIO_MARGIN, futures under SPAN)"
                + "</th><td class=\"num\">" + money(today.get("total")) + "</td>");
        today.get("byAccount").fields().forEachRemaining(a -> assertContains(page,
                "<th scope=\"row\">" + a.getKey() + "</th><td class=\"num\">" + money(a.getValue()) + "</td>"));
        var collateral = today.get("collateral");
        assertContains(page, "<th scope=\"row\">Today</th><td class=\"num\">" + money(collateral.get("marketValue"))
                + "</td><td class=\"num\">" + money(collateral.get("haircut")) + "</td><td class=\"num\">"
                + money(collateral.get("collateralValue")) + "</td>");
        int addOns = 0;
        for (var p : result.get("proposals")) {
            java.math.BigDecimal change = new java.math.BigDecimal(p.get("change").asText());
            String css = change.signum() == 0 ? "num" : change.signum() > 0 ? "num up" : "num down";
            assertContains(page, "<td class=\"num\">" + money(p.get("total")) + "</td><td class=\"" + css + "\">"
                    + ImpactView.signedMoney(change) + "</td><td class=\"" + css + "\">"
                    + ImpactView.percent(new java.math.BigDecimal(p.get("changePercent").asText())) + "</td></tr>");
            var c = p.get("collateral");
            assertContains(page, "<th scope=\"row\">" + p.get("id").asText() + "</th><td class=\"num\">"
                    + money(c.get("marketValue")) + "</td><td class=\"num\">" + money(c.get("haircut"))
                    + "</td><td class=\"num\">" + money(c.get("collateralValue")) + "</td><td class=\"num\">"
                    + ImpactView.signedMoney(new java.math.BigDecimal(c.get("releasedVersusToday").asText()))
                    + "</td></tr>");
            for (var l : p.get("addOns")) {
                assertContains(page, money(l.get("amount")));
                addOns++;
            }
        }
        assertTrue(addOns > 0, "the sample book has minimum charges or add-ons under some proposal");
        assertContains(page, "<h2 id=\"add-ons\">");
    }

    private static String money(com.fasterxml.jackson.databind.JsonNode amount) {
        return ImpactView.money(new java.math.BigDecimal(amount.asText()));
    }

    private static void assertContains(String page, String expected) {
        assertTrue(page.contains(expected), "the page shows " + expected);
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theProfileChartFollowsTheChosenGroupWithoutScript() throws Exception {
        long id = doneRun();
        given().accept("text/html").queryParam("group", "BITCOIN").queryParam("proposal", "B-80pct-capped")
                .when().get("/impact-runs/" + id).then().statusCode(200)
                .body(containsString("Scenario P&amp;L of BITCOIN under B-80pct-capped"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theDrillDownGoesFromARiskGroupToItsWorstScenarioAndThePositionsRankedByContribution() throws Exception {
        long id = doneRun();
        String page = given().accept("text/html").queryParam("regime", "A-full-offset")
                .when().get("/impact-runs/" + id + "/groups/US_LARGE_CAP").then().statusCode(200)
                .body(containsString("Worst scenario of US_LARGE_CAP"))
                .body(containsString("Positions ranked by their contribution")).extract().asString();
        Matcher pnl = Pattern.compile("<td class=\"num\">([+-]?[\\d,]+\\.\\d\\d)</td></tr>").matcher(page);
        double previous = Double.NEGATIVE_INFINITY;
        int rows = 0;
        while (pnl.find()) {
            double v = Double.parseDouble(pnl.group(1).replace(",", ""));
            assertTrue(v >= previous, "ranked largest loss first");
            previous = v;
            rows++;
        }
        assertTrue(rows > 1, "positions listed");

        // The same worst scenario, loss and top contributor as the stored result.
        var a = java.util.stream.StreamSupport.stream(ImpactRunApiTest.get(id).get("result").get("proposals").spliterator(),
                false).filter(p -> p.get("id").asText().equals("A-full-offset")).findFirst().orElseThrow();
        var worst = java.util.stream.StreamSupport.stream(a.get("worstScenarios").spliterator(), false)
                .filter(w -> w.get("riskGroup").asText().equals("US_LARGE_CAP")).findFirst().orElseThrow();
        assertContains(page, "<h2>Worst scenario of " + worst.get("group").asText() + ": " + worst.get("scenario").asText()
                + "</h2>");
        assertContains(page, "<strong>" + money(worst.get("loss")) + "</strong> USD, over "
                + worst.get("positions").asInt() + " positions");
        var first = worst.get("contributors").get(0);
        assertContains(page, "<tr><td>1</td><td>" + first.get("positionId").asText() + "</td><td>"
                + first.get("instrumentType").asText() + "</td>");
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theResultDownloadsAsCsvXlsxAndJson() throws Exception {
        long id = doneRun();
        given().when().get("/impact-runs/" + id + "/export.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("impact-run-" + id + ".csv"))
                .body(matchesPattern("(?s)section,regime,item,detail,amount_usd,percent\r\n.*total,today,total,,\\d+\\.\\d\\d,.*"));
        byte[] xlsx = given().when().get("/impact-runs/" + id + "/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("amount_usd", book.getSheetAt(0).getRow(0).getCell(4).getStringCellValue());
            assertTrue(book.getSheetAt(0).getLastRowNum() > 20);
        }
        given().when().get("/impact-runs/" + id + "/export.json").then().statusCode(200)
                .body(containsString("\"inputHash\""));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void aFailedRunsPageShowsWhyItFailed() throws Exception {
        long id = failedRun();
        given().accept("text/html").when().get("/impact-runs/" + id).then().statusCode(200)
                .body(containsString("Impact run #" + id + " failed"))
                .body(containsString("The portfolio of this run no longer exists"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theSummaryPreviewShowsWhatWillBeStoredAndCreatingItRedirectsToTheSummary() throws Exception {
        long id = doneRun();
        Response preview = given().accept("text/html").when().get("/impact-runs/" + id + "/summary");
        preview.then().statusCode(200).body(containsString("no position, symbol or position-level figure"))
                .body(containsString("&quot;inputHash&quot;"))
                .body(containsString("Exposure by instrument type"));
        Csrf csrf = Csrf.from(preview);
        // the button posts where the page's form says: a literal "{run.id}" there once answered 404
        java.util.regex.Matcher form = java.util.regex.Pattern
                .compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(preview.asString());
        assertTrue(form.find(), "the preview has a form");
        assertEquals("/impact-runs/" + id + "/summary", form.group(1));
        String location = given().redirects().follow(false).cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token()).when().post(form.group(1))
                .then().statusCode(303).extract().header("Location");
        given().accept("text/html").when().get(location).then().statusCode(200)
                .body(containsString("from <a href=\"/impact-runs/" + id + "\">impact run #" + id + "</a>"));
    }

    @Test
    @TestSecurity(user = "alice", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-a"))
    void theSummaryPreviewShowsEveryAccountAndRiskGroupOfTodayOrAnyProposalSoEachColumnAddsUpToItsTotal()
            throws Exception {
        long id = doneRun();
        com.fasterxml.jackson.databind.JsonNode result = ImpactRunApiTest.get(id).get("result");
        String page = given().accept("text/html").when().get("/impact-runs/" + id + "/summary").then().statusCode(200)
                .extract().asString();
        var today = result.get("today");
        int onlyUnderAProposal = 0;
        for (String breakdown : new String[] {"byAccount", "byRiskGroup"}) {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            today.get(breakdown).fieldNames().forEachRemaining(keys::add);
            for (var p : result.get("proposals")) {
                java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
                for (var it = p.get(breakdown).fields(); it.hasNext();) {
                    var e = it.next();
                    sum = sum.add(new java.math.BigDecimal(e.getValue().asText()));
                    if (keys.add(e.getKey())) {
                        onlyUnderAProposal++;
                    }
                }
                assertEquals(new java.math.BigDecimal(p.get("total").asText()), sum,
                        p.get("id").asText() + " " + breakdown + " adds up to its total");
            }
            for (String key : keys) {
                java.math.BigDecimal t = amount(today.get(breakdown), key);
                StringBuilder row = new StringBuilder("<tr><th scope=\"row\">" + key + "</th><td class=\"num\">"
                        + ImpactView.money(t) + "</td>");
                for (var p : result.get("proposals")) {
                    java.math.BigDecimal v = amount(p.get(breakdown), key);
                    row.append("<td class=\"num\">").append(breakdown.equals("byAccount") ? ImpactView.money(v)
                            : ImpactView.signedMoney(v.subtract(t))).append("</td>");
                }
                assertContains(page, row.append("</tr>").toString());
            }
        }
        assertTrue(onlyUnderAProposal > 0, "the sample book has a cross-account line that only the proposals have");
    }

    private static java.math.BigDecimal amount(com.fasterxml.jackson.databind.JsonNode breakdown, String key) {
        return breakdown.has(key) ? new java.math.BigDecimal(breakdown.get(key).asText())
                : java.math.BigDecimal.ZERO.setScale(2);
    }

    @Test
    @TestSecurity(user = "bella", roles = "participant", attributes = @SecurityAttribute(key = "firm", value = "firm-b"))
    void anotherFirmGets404OnEveryPageOfARun() throws Exception {
        long id = doneRun();
        for (String path : new String[] {"", "/progress", "/groups/US_LARGE_CAP", "/export.csv", "/export.xlsx",
                "/export.json", "/summary"}) {
            given().accept("*/*").when().get("/impact-runs/" + id + path).then().statusCode(404);
        }
        given().accept("text/html").when().get("/impact-runs").then().statusCode(200)
                .body(not(containsString("href=\"/impact-runs/" + id + "\"")));
    }

    @Test
    @TestSecurity(user = "sam", roles = "staff")
    void staffGet404OnARunsPages() throws Exception {
        long id = doneRun();
        given().accept("text/html").when().get("/impact-runs/" + id).then().statusCode(404);
        given().accept("*/*").when().get("/impact-runs/" + id + "/export.json").then().statusCode(404);
    }
}
