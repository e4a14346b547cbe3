package org.marginconsult.impact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.marginconsult.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MarginCalculationApiTest {

    private static final String SPY_AGAINST_ES = """
            [{"positionId": "spy", "account": "SECURITIES", "instrumentType": "ETF", "symbol": "SPY",
              "underlying": "SPY", "quantity": 1000, "multiplier": 1, "price": 590, "currency": "USD"},
             {"positionId": "es", "account": "FUTURES", "instrumentType": "FUTURE", "symbol": "ESZ6",
              "underlying": "ES", "quantity": -2, "multiplier": 50, "price": "5900", "expiry": "2026-12-18",
              "currency": "USD"}]""";

    private static io.restassured.response.ValidatableResponse post(String user, String body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/margin/calculate").then();
    }

    @Test
    void portfolioMarginOfAHundredSharesIsTheLossAtMinusFifteenPercent() {
        // Schwab's portfolio-margin example: 100 shares at $50, worst point -15%: $750.
        post("alice", """
                {"methodology": "PORTFOLIO_MARGIN", "asOf": "2026-11-20", "positions": [
                  {"positionId": "1", "account": "SECURITIES", "instrumentType": "STOCK", "symbol": "AAPL",
                   "underlying": "AAPL", "quantity": 100, "multiplier": 1, "price": 50, "currency": "USD"}]}""")
                .statusCode(200)
                .body("total", equalTo("750.00"))
                .body("currency", equalTo("USD"))
                .body("methodology.id", equalTo("PORTFOLIO_MARGIN"))
                .body("inputHash.length()", equalTo(64))
                .body("worstScenarios[0].positions[0].pnl", equalTo("-750.00"));
    }

    @Test
    void strategyBasedShowsTheNakedCallRequirementWithItsSaleProceedsApart() {
        // tastytrade: short 1 call K=68 at 1.50, stock at 65: max(20% x 65 - 3 + 1.50, 10% x 65 + 1.50) x 100.
        post("bella", """
                {"methodology": "STRATEGY_BASED", "asOf": "2026-11-20", "positions": [
                  {"positionId": "c", "account": "SECURITIES", "instrumentType": "EQUITY_OPTION", "symbol": "XYZ C68",
                   "underlying": "XYZ", "quantity": -1, "multiplier": 100, "price": 1.50, "underlyingPrice": 65,
                   "optionType": "CALL", "strike": 68, "expiry": "2027-01-15", "impliedVol": 0.3,
                   "currency": "USD"}]}""")
                .statusCode(200)
                .body("total", equalTo("1150.00"))
                .body("saleProceeds", equalTo("150.00"));
    }

    @Test
    void crossMarginComparesWithStrategyBasedWhenAsked() {
        post("alice", """
                {"methodology": "CROSS_MARGIN", "proposal": "A-full-offset", "asOf": "2026-11-20",
                 "securitiesMethodology": "STRATEGY_BASED", "positions": %s}""".formatted(SPY_AGAINST_ES))
                .statusCode(200)
                .body("total", equalTo("37.50"))
                // Reg T initial 50% of $590,000 = 295,000 plus SPAN 25,300.
                .body("attribution.siloedTotal", equalTo("320300.00"));
    }

    @Test
    void crossMarginUnderFullOffsetChargesTheHedgedBookItsContractMinimum() {
        post("alice", """
                {"methodology": "CROSS_MARGIN", "proposal": "A-full-offset", "asOf": "2026-11-20",
                 "positions": %s}""".formatted(SPY_AGAINST_ES))
                .statusCode(200)
                .body("total", equalTo("37.50"))
                .body("parameterSet.id", equalTo("A-full-offset"))
                .body("parameterSet.version", equalTo("1"))
                .body("attribution.siloedTotal", equalTo("72500.00"))
                .body("attribution.offsetChange", equalTo("-82600.00"))
                .body("accounts.account", containsInAnyOrder("SECURITIES", "FUTURES", "COMBINED"));
    }

    @Test
    void anOverrideIsAppliedAndMarkedAsAWhatIf() {
        post("sam", """
                {"methodology": "CROSS_MARGIN", "proposal": "A-full-offset", "asOf": "2026-11-20",
                 "parameters": {"offsetFactor": 0.5}, "positions": %s}""".formatted(SPY_AGAINST_ES))
                .statusCode(200)
                .body("total", equalTo("23600.00"))
                .body("parameterSet.version", startsWith("1+whatif-"));
    }

    @Test
    void anOverrideOfANestedGridReplacesOnlyThatValue() {
        post("alice", """
                {"methodology": "CROSS_MARGIN", "proposal": "A-full-offset", "asOf": "2026-11-20",
                 "parameters": {"offsetFactor": 0, "classGrids": {"HIGH_CAP_BROAD_INDEX": {"priceUp": 0.08}}},
                 "positions": %s}""".formatted(SPY_AGAINST_ES))
                .statusCode(200)
                // f = 0 on a symmetric 8% grid: either side loses 47,200 in one scenario.
                .body("total", equalTo("47200.00"));
    }

    @Test
    void everyBadFieldOfEveryPositionIsReportedWith400() {
        post("alice", """
                {"methodology": "SPAN", "asOf": "2026-11-20", "positions": [
                  {"positionId": "a", "account": "FUTURES", "instrumentType": "FUTURE_OPTION", "symbol": "ES C",
                   "underlying": "ES", "quantity": 1, "multiplier": 50, "price": 61.75, "underlyingPrice": 5900,
                   "optionType": "CALL", "strike": -6000, "expiry": "2026-12-18", "currency": "USD"},
                  {"positionId": "b", "account": "FUTURES", "instrumentType": "FUTURE", "symbol": "ESZ6",
                   "underlying": "ES", "quantity": "abc", "multiplier": 50, "price": 5900, "expiry": "18/12/2026",
                   "currency": "EUR"}]}""")
                .statusCode(400)
                .body("errors", hasSize(5))
                .body("errors.position", contains(0, 0, 1, 1, 1))
                .body("errors.field", contains("strike", "impliedVol", "quantity", "expiry", "currency"))
                .body("errors[2].message", equalTo("quantity must be a decimal number, got 'abc'"));
    }

    @Test
    void semanticErrorsFollowOnceEveryValueParses() {
        post("alice", """
                {"methodology": "SPAN", "asOf": "2026-11-20", "positions": [
                  {"positionId": "b", "account": "FUTURES", "instrumentType": "FUTURE", "symbol": "ESZ6",
                   "underlying": "ES", "quantity": 1, "multiplier": 50, "price": 5900, "expiry": "2026-12-18",
                   "currency": "EUR", "strike": 10}]}""")
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("currency", "strike"));
    }

    @Test
    void aFuturesPositionGivenToPortfolioMarginIsRefusedOnItsAccount() {
        post("alice", """
                {"methodology": "PORTFOLIO_MARGIN", "asOf": "2026-11-20", "positions": %s}"""
                .formatted(SPY_AGAINST_ES))
                .statusCode(400)
                .body("errors[0].position", equalTo(1))
                .body("errors[0].field", equalTo("account"));
    }

    @Test
    void unknownMethodologyProposalAndFieldsAreNamed() {
        post("alice", """
                {"methodology": "VAR", "proposal": "Z", "colour": "blue", "positions": []}""")
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("colour", "methodology", "proposal"));
        post("alice", """
                {"methodology": "CROSS_MARGIN", "proposal": "Z", "positions": []}""")
                .statusCode(400)
                .body("errors[0].field", equalTo("proposal"))
                .body("errors[0].message", startsWith("unknown proposal 'Z'"));
    }

    @Test
    void anOutOfRangeOverrideIsRefusedNotAServerError() {
        post("alice", """
                {"methodology": "CROSS_MARGIN", "asOf": "2026-11-20", "proposal": "B-80pct-capped",
                 "parameters": {"offsetFactor": 2}, "positions": %s}""".formatted(SPY_AGAINST_ES))
                .statusCode(400)
                .body("errors[0].field", startsWith("parameters"));
        post("alice", """
                {"methodology": "SPAN", "parameters": {"noSuchKnob": 1}, "positions": []}""")
                .statusCode(400)
                .body("errors[0].field", equalTo("parameters.noSuchKnob"));
    }

    @Test
    void anUnknownParameterIsRefusedInTheSameWordsUnderEveryMethodologyListingTheParametersThereAre() {
        for (String request : new String[] {
                "\"methodology\": \"STRATEGY_BASED\"",
                "\"methodology\": \"PORTFOLIO_MARGIN\"",
                "\"methodology\": \"SPAN\"",
                "\"methodology\": \"CROSS_MARGIN\", \"proposal\": \"A-full-offset\""}) {
            post("alice", """
                    {%s, "parameters": {"scanRnge": 0.1}, "positions": []}""".formatted(request))
                    .statusCode(400)
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("parameters.scanRnge"))
                    .body("errors[0].message", matchesPattern(
                            "unknown parameter; the parameters are \\[[a-zA-Z]+(, [a-zA-Z]+)*\\]"));
        }
    }

    @Test
    void valuesOfTheWrongShapeAreA400NamingTheFieldNeverA500() {
        post("alice", """
                {"methodology": 7, "asOf": "2026-13-45", "parameters": [1], "positions": {"a": 1}}""")
                .statusCode(400)
                .body("errors.field", hasItems("methodology", "asOf", "positions"));
        post("alice", """
                {"methodology": "SPAN", "positions": [null, 5, {"positionId": "c", "quantity": [1]}]}""")
                .statusCode(400)
                .body("errors.position", hasItems(0, 1, 2));
    }

    @Test
    void magnitudesNoPositionReachesAreA400OnTheirFieldNeverA500() {
        post("alice", """
                {"methodology": "SPAN", "asOf": "2026-11-20", "positions": [
                  {"positionId": "es", "account": "FUTURES", "instrumentType": "FUTURE", "symbol": "ESZ6",
                   "underlying": "ES", "quantity": 1e308, "multiplier": 50, "price": 5900, "expiry": "2026-12-18",
                   "currency": "USD"},
                  {"positionId": "nq", "account": "FUTURES", "instrumentType": "FUTURE", "symbol": "NQZ6",
                   "underlying": "NQ", "quantity": 1, "multiplier": 9223372036854775808, "price": "1e400",
                   "expiry": "2026-12-18", "currency": "USD"}]}""")
                .statusCode(400)
                .body("errors.position", contains(0, 1, 1))
                .body("errors.field", contains("quantity", "multiplier", "price"))
                .body("errors[0].message", startsWith("quantity must be at most 1,000,000,000"));
    }

    @Test
    void aClassWhoseFiguresPassWhatTheEngineHoldsExactlyIsA400SayingSoNeverA500() {
        // A hundred option series of about $1 trillion each on one underlying: every position is within range,
        // but the strategy-based pairing of the class passes what micro-dollars in a long hold.
        StringBuilder positions = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            positions.append(i == 0 ? "" : ",").append("""
                    {"positionId": "p%d", "account": "SECURITIES", "instrumentType": "EQUITY_OPTION",
                     "symbol": "XYZ %d", "underlying": "XYZ", "quantity": %d, "multiplier": 100, "price": 100000,
                     "underlyingPrice": 1000000, "optionType": "%s", "strike": %d, "expiry": "2027-0%d-15",
                     "impliedVol": 0.3, "currency": "USD"}""".formatted(i, i, i % 2 == 0 ? -9999 : 9999,
                    i % 3 == 0 ? "PUT" : "CALL", 1_000_000 - 100 * i, 1 + i % 5));
        }
        post("alice", """
                {"methodology": "STRATEGY_BASED", "asOf": "2026-11-20", "positions": [%s]}""".formatted(positions))
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("positions"))
                .body("errors[0].message", startsWith("The portfolio's amounts are too large to be computed to the"
                        + " cent"));
    }

    @Test
    void aFutureFarBelowItsProductsPriceIsRefusedOnThatPositionsPriceNotOnTheParameters() {
        // A CME Bitcoin future typed at ether's price: BTC's scan range per contract is more than its value.
        post("alice", """
                {"methodology": "SPAN", "asOf": "2026-11-20", "positions": [
                  {"positionId": "es", "account": "FUTURES", "instrumentType": "FUTURE", "symbol": "ESZ6",
                   "underlying": "ES", "quantity": 1, "multiplier": 50, "price": 5900, "expiry": "2026-12-18",
                   "currency": "USD"},
                  {"positionId": "btc", "account": "FUTURES", "instrumentType": "CRYPTO_FUTURE", "symbol": "BTCZ6",
                   "underlying": "BTC", "quantity": 1, "multiplier": 5, "price": 30, "expiry": "2026-12-18",
                   "currency": "USD"}]}""")
                .statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].position", equalTo(1))
                .body("errors[0].field", equalTo("price"))
                .body("errors[0].message", startsWith("combined commodity BTC: the front contract BTCZ6 (position btc)"
                        + " is priced at 30,"));
    }

    @Test
    void anOverrideThatGivesAGridNoValueIsA400NamingItNeverA500() {
        post("alice", """
                {"methodology": "CROSS_MARGIN", "asOf": "2026-11-20", "proposal": "B-80pct-capped",
                 "parameters": {"classGrids": {"CRYPTO": null}}, "positions": %s}""".formatted(SPY_AGAINST_ES))
                .statusCode(400)
                .body("errors[0].field", startsWith("parameters"))
                .body("errors[0].message", startsWith("classGrids.CRYPTO needs a value, not null"));
    }

    @Test
    void malformedJsonIsA400() {
        post("alice", "{\"methodology\": \"SPAN\", ")
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void anEmptyPortfolioNeedsNoMargin() {
        post("ada", """
                {"methodology": "SPAN", "asOf": "2026-11-20", "positions": []}""")
                .statusCode(200)
                .body("total", equalTo("0.00"));
    }

    @Test
    void aCallWithoutTokenIsRefusedWith401() {
        given().contentType(ContentType.JSON).body("{}").redirects().follow(false)
                .when().post("/api/v1/margin/calculate")
                .then().statusCode(401);
    }
}
