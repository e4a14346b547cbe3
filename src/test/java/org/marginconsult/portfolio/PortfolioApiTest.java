package org.marginconsult.portfolio;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginconsult.support.TestClock;
import org.marginconsult.support.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PortfolioApiTest {

    static final String CSV = "text/csv";
    static final String XLSX = PortfolioApi.XLSX;
    static final String JSON = "application/json";

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
            throw new UncheckedIOException(e);
        }
    }

    /** JSON numbers as BigDecimal, with the scale the server wrote. */
    static JsonPath exact(String json) {
        return JsonPath.from(json).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String uniqueLabel(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    ValidatableResponse upload(String user, byte[] body, String contentType, String label) {
        return given().auth().oauth2(Tokens.accessToken(user))
                .contentType(contentType)
                .queryParam("label", label)
                .queryParam("asOf", "2026-11-20")
                .queryParam("firmCategory", "DUAL_REGISTRANT")
                .body(body)
                .when().post("/api/v1/portfolios")
                .then();
    }

    long uploadSample(String user, String label) {
        return upload(user, resource("/portfolio/sample-portfolio.csv"), CSV, label).statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in every portfolio table, to prove a refused upload stored nothing. */
    /**
     * Row counts of every portfolio table and of the portfolio's audit events (only those: impact runs of
     * earlier test classes may still be writing their own audit events in the background).
     */
    List<Long> storedRows() {
        return List.of(count("select count(*) from portfolio"), count("select count(*) from portfolio_position"),
                count("select coalesce(sum(last_version), 0) from portfolio_series"),
                count("select count(*) from portfolio_collateral"), count("select count(*) from portfolio_warning"),
                count("select count(*) from portfolio_total"),
                count("select count(*) from audit_event where entity_type = 'portfolio'"));
    }

    @Test
    void theSampleUploadsAsCsvAnd201GivesItsIdPositionCountAndWarnings() {
        String label = uniqueLabel("Sample CSV");
        long id = upload("alice", resource("/portfolio/sample-portfolio.csv"), CSV, label)
                .statusCode(201)
                .header("Location", containsString("/api/v1/portfolios/"))
                .body("positions", equalTo(26))
                .body("warnings", empty())
                .body("version", equalTo(1))
                .extract().jsonPath().getLong("id");
        assertEquals(26, count("select count(*) from portfolio_position where portfolio_id = ?", id));
    }

    @Test
    void theSampleAndTheTemplateDownloadedFromTheUploadPageUploadCleanlyInBothFormats() {
        for (String file : List.of("sample.csv", "sample.xlsx", "template.csv", "template.xlsx")) {
            byte[] body = given().when().get("/portfolios/" + file).then().statusCode(200).extract().asByteArray();
            int expected = file.startsWith("sample") ? 26 : 11;
            upload("alice", body, file.endsWith(".csv") ? CSV : XLSX, uniqueLabel("Round trip " + file))
                    .statusCode(201)
                    .body("positions", equalTo(expected))
                    .body("warnings", empty());
        }
    }

    @Test
    void aMultipartUploadWithABearerTokenIsNotBlockedByTheFormCsrfCheckAndKeepsItsCollateral() {
        String label = uniqueLabel("Multipart");
        long id = given().auth().oauth2(Tokens.accessToken("alice"))
                .multiPart("file", "book.csv", resource("/portfolio/sample-portfolio.csv"), CSV)
                .multiPart("label", label)
                .multiPart("asOf", "2026-11-20")
                .multiPart("firmCategory", "FCM")
                .multiPart("collateralAccount", "FUTURES")
                .multiPart("collateralAsset", "US_TREASURY")
                .multiPart("collateralValue", "2500000")
                .multiPart("collateralMaturity", "2030-05-15")
                .multiPart("collateralAccount", "SECURITIES")
                .multiPart("collateralAsset", "CASH_USD")
                .multiPart("collateralValue", "1000000.50")
                .multiPart("collateralMaturity", "")
                .when().post("/api/v1/portfolios")
                .then().statusCode(201)
                .body("positions", equalTo(26))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id)
                .then().statusCode(200)
                .body("label", equalTo(label))
                .body("firmCategory", equalTo("FCM"))
                .body("sourceName", equalTo("book.csv"))
                .body("collateral.asset", contains("US_TREASURY", "CASH_USD"))
                .body("collateral[0].maturity", equalTo("2030-05-15"))
                .body("collateral[1].marketValue", equalTo(1000000.50f));
    }

    @Test
    void aJsonUploadCarriesItsMetadataAndItsPositionsWithExactDecimals() {
        String label = uniqueLabel("JSON");
        String body = """
                {"positions": [
                  {"positionId": "J1", "account": "SECURITIES", "instrumentType": "INDEX_OPTION",
                   "symbol": "SPXW 270115P06500", "underlying": "SPX", "quantity": -2, "multiplier": 100,
                   "price": 52.75, "underlyingPrice": "6800", "optionType": "PUT", "strike": 6500,
                   "expiry": "2027-01-15", "impliedVol": 0.188, "currency": "USD"},
                  {"positionId": "J2", "account": "FUTURES", "instrumentType": "TREASURY_FUTURE", "symbol": "ZNH7",
                   "underlying": "ZN", "quantity": -3, "multiplier": 1000, "price": 112.515625, "expiry": "2027-03-22",
                   "dv01": 68.50, "currency": "USD"}],
                 "label": "%s", "asOf": "2026-11-20", "firmCategory": "MARKET_MAKER",
                 "collateral": [{"account": "FUTURES", "asset": "CASH_USD", "marketValue": 250000}]}
                """.formatted(label);
        long id = given().auth().oauth2(Tokens.accessToken("alice"))
                .contentType(JSON).body(body)
                .when().post("/api/v1/portfolios")
                .then().statusCode(201)
                .body("positions", equalTo(2))
                .extract().jsonPath().getLong("id");
        String page = given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id + "/positions")
                .then().statusCode(200).extract().asString();
        JsonPath exact = exact(page);
        assertEquals(new java.math.BigDecimal("112.515625"), exact.get("positions[1].price"));
        assertEquals(new java.math.BigDecimal("68.50"), exact.get("positions[1].dv01"));
        assertEquals(new java.math.BigDecimal("0.188"), exact.get("positions[0].impliedVol"));
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id)
                .then().body("firmCategory", equalTo("MARKET_MAKER"))
                .body("sourceFormat", equalTo("JSON"));
    }

    @Test
    void decimalsKeepTheirExactValueAndScaleThroughStorage() {
        String csv = PositionColumn.headerLine() + "\n"
                + "D1,SECURITIES,STOCK,AAPL,AAPL,-0.5,1,0.0001,,,,,,,USD\n"
                + "D2,SECURITIES,STOCK,AAPL,AAPL,123456789.1234567,.5,5.,,,,,,,USD\n"
                + "D3,SECURITIES,STOCK,AAPL,AAPL,1e3,+10000,0.00001234567890123456,,,,,,,USD\n"
                + "D4,SECURITIES,TREASURY,T,UST-10Y,100000000,10,99.9999,,,,2035-11-15,,0.8100,USD\n";
        long id = upload("alice", csv.getBytes(StandardCharsets.UTF_8), CSV, uniqueLabel("Decimals"))
                .statusCode(201).extract().jsonPath().getLong("id");
        JsonPath page = exact(given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id + "/positions").then().statusCode(200).extract().asString());
        assertEquals(List.of("-0.5", "123456789.1234567", "1000", "100000000"), strings(page, "positions.quantity"));
        assertEquals(List.of("1", "0.5", "10000", "10"), strings(page, "positions.multiplier"));
        assertEquals(List.of("0.0001", "5", "0.00001234567890123456", "99.9999"), strings(page, "positions.price"));
        assertEquals(List.of("0.8100"), strings(page, "positions.findAll { it.dv01 != null }.dv01"));
    }

    static List<String> strings(JsonPath json, String path) {
        return json.<Object>getList(path).stream()
                .map(v -> v instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(v)).toList();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("empty.csv", CSV, "null|null|EMPTY_FILE|The file is empty: it needs a header row naming the columns"
                        + " and one line per position. Download the template to start from."),
                bad("header-only.csv", CSV, "null|null|HEADER_ONLY|The file has a header row but no positions: add one"
                        + " line per position below the header."),
                bad("missing-column.csv", CSV, "1|price|MISSING_COLUMN|Required column 'price' is missing from the header."),
                bad("duplicate-column.csv", CSV, "1|price|DUPLICATE_COLUMN|Column 'price' appears twice in the header"
                        + " (columns 8 and 16): keep one."),
                bad("unknown-column.csv", CSV, "1|strke|UNKNOWN_COLUMN|Unknown column 'strke': did you mean 'strike'?"),
                bad("wrong-delimiter.csv", CSV, "1|null|WRONG_DELIMITER|The header separates columns with ';': the file"
                        + " must be comma-separated (RFC 4180). In Excel, save as 'CSV UTF-8 (Comma delimited)'."),
                bad("not-utf8.csv", CSV, "3|symbol|NOT_UTF8|The file is not UTF-8: line 3 holds the byte 0xC9, which is"
                        + " not valid UTF-8. It was probably saved as Windows-1252 (Excel's plain 'CSV'), which writes"
                        + " accented letters such as é as single bytes. Save it as 'CSV UTF-8' or convert it to UTF-8."),
                bad("utf16.csv", CSV, "null|null|NOT_UTF8|The file is UTF-16 encoded: save it as UTF-8 ('CSV UTF-8"
                        + " (Comma delimited)' in Excel)."),
                bad("unterminated-quote.csv", CSV, "3|symbol|UNTERMINATED_QUOTE|The quoted value that starts on line 3"
                        + " is never closed: the rest of the file was read as part of it. Add the missing closing quote (\")."),
                bad("misplaced-quote.csv", CSV,
                        "3|symbol|MISPLACED_QUOTE|A quote (\") appears inside a value that does not start with one: put"
                                + " the whole value in quotes and double the quote inside (\"\").",
                        "4|symbol|MISPLACED_QUOTE|Text follows the closing quote of a quoted value: a quoted value must"
                                + " end right before a comma or the end of the line."),
                bad("ragged-row.csv", CSV, "3|null|RAGGED_ROW|Line 3 has 14 fields; the header has 15 columns. Check for"
                        + " a missing or extra comma, or a value with a comma that is not in quotes."),
                bad("not-a-number.csv", CSV, "2|quantity|NOT_A_NUMBER|'ten' is not a number: quantity expects a decimal"
                        + " such as -25 or 1250.75 (a point for decimals, no separators)."),
                bad("not-finite.csv", CSV,
                        "2|price|NOT_FINITE|'NaN' is not a finite number: price expects a decimal such as 1250.75.",
                        "3|quantity|NOT_FINITE|'-Infinity' is not a finite number: quantity expects a decimal such as 1250.75."),
                bad("number-out-of-range.csv", CSV,
                        "2|quantity|NUMBER_OUT_OF_RANGE|'12345678901234567890' is too large: quantity takes at most 15"
                                + " digits before the decimal point.",
                        "3|price|NUMBER_OUT_OF_RANGE|'1e400' is too large: price takes at most 15 digits before the"
                                + " decimal point."),
                bad("decimal-comma.csv", CSV, "2|price|DECIMAL_COMMA|'271,40' uses a decimal comma: write 271.40 (price"
                        + " takes a point for decimals)."),
                bad("thousands-separator.csv", CSV,
                        "2|quantity|THOUSANDS_SEPARATOR|'12,000' contains a comma: write 12000 if it is a thousands"
                                + " separator, or 12.000 if it is a decimal comma (quantity takes a point for decimals and"
                                + " no separators).",
                        "3|price|THOUSANDS_SEPARATOR|'1,677.30' contains thousands separators: write 1677.30 (price takes"
                                + " no separators and a point for decimals)."),
                bad("zero-or-negative.csv", CSV,
                        "2|price|INVALID_FIELD|price must be positive, got 0",
                        "3|multiplier|INVALID_FIELD|multiplier must be positive, got -1",
                        "4|strike|INVALID_FIELD|strike must be positive, got 0",
                        "5|implied_vol|INVALID_FIELD|implied_vol must be positive, got -0.2"),
                bad("out-of-range.csv", CSV,
                        "2|quantity|INVALID_FIELD|quantity x multiplier x price is $20,709,000,000,000, above"
                                + " $1,000,000,000,000, the most one position may be worth: check the units of quantity,"
                                + " multiplier and price",
                        "3|quantity|INVALID_FIELD|quantity must be at most 1,000,000,000 shares, contracts or units"
                                + " either way, got -5000000000",
                        "4|quantity|INVALID_FIELD|quantity x multiplier x the largest of price, underlying_price and"
                                + " strike is $1,000,001,000,000, above $1,000,000,000,000, the most one position may be"
                                + " worth: check the units of quantity, multiplier and prices",
                        "5|dv01|INVALID_FIELD|dv01 must be at most 100,000 dollars per basis point per unit, got"
                                + " 100001"),
                bad("option-fields-missing.csv", CSV,
                        "2|option_type|INVALID_FIELD|option_type is required for INDEX_OPTION: CALL or PUT",
                        "2|strike|INVALID_FIELD|strike is required",
                        "2|underlying_price|INVALID_FIELD|underlying_price is required",
                        "2|implied_vol|INVALID_FIELD|implied_vol is required",
                        "2|expiry|INVALID_FIELD|expiry is required for INDEX_OPTION"),
                bad("option-fields-on-non-option.csv", CSV,
                        "2|option_type|INVALID_FIELD|option_type does not apply to STOCK and must be empty",
                        "2|strike|INVALID_FIELD|strike does not apply to STOCK and must be empty"),
                bad("invalid-date.csv", CSV,
                        "2|expiry|INVALID_DATE|'2027-02-30' is not a date that exists: expiry expects YYYY-MM-DD, e.g."
                                + " 2026-12-18.",
                        "3|expiry|INVALID_DATE|'01/15/2027' is not an ISO date: expiry expects YYYY-MM-DD, e.g. 2026-12-18."),
                bad("expired.csv", CSV, "2|expiry|EXPIRED|expiry 2026-11-19 is before the portfolio's as-of date"
                        + " 2026-11-20: the position had expired by then. Remove it or correct the date."),
                bad("duplicate-position-id.csv", CSV, "4|position_id|DUPLICATE_POSITION_ID|position_id 'P2' is already"
                        + " used on line 3: each position needs its own."),
                bad("field-too-long.csv", CSV, "2|position_id|FIELD_TOO_LONG|The value is 70 characters long: position_id"
                        + " takes at most 64."),
                bad("nul-byte.csv", CSV, "2|symbol|NUL_CHARACTER|The value contains a NUL character (byte 0x00), which is"
                        + " not allowed in symbol."),
                bad("client-column.csv", CSV, "1|client_name|CLIENT_IDENTIFIER|Column 'client_name' looks like it"
                        + " identifies a client or an account: remove client identifiers before uploading (portfolios"
                        + " must be anonymized)."),
                bad("email-value.csv", CSV, "2|position_id|CLIENT_IDENTIFIER|The value looks like an e-mail address:"
                        + " remove client identifiers before uploading (portfolios must be anonymized)."),
                bad("ssn-value.csv", CSV, "2|symbol|CLIENT_IDENTIFIER|The value looks like a US Social Security number:"
                        + " remove client identifiers before uploading (portfolios must be anonymized)."),
                bad("unknown-code.csv", CSV, "2|account|UNKNOWN_CODE|'SECURITY' is not a valid account: expected one of"
                        + " SECURITIES, FUTURES. Did you mean SECURITIES?"),
                bad("not-a-workbook.xlsx", XLSX, "null|null|UNREADABLE_FILE|The file is not a readable XLSX workbook (No"
                        + " valid entries or contents found, this is not a valid OOXML (Office Open XML) file): save it"
                        + " again from Excel as .xlsx, or upload CSV UTF-8."),
                bad("syntax-error.json", JSON, "null|null|UNREADABLE_FILE|The JSON is not valid at line 1, column 90:"
                        + " Unexpected character (']' (code 93)): was expecting double-quote to start field name"),
                bad("unknown-field.json", JSON, "1|strke|UNKNOWN_COLUMN|Unknown field 'strke': did you mean 'strike'?"));
    }

    static Arguments bad(String fixture, String contentType, String... expected) {
        return Arguments.of(fixture, contentType, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void everyKindOfBadInputIsRefusedWith422TheExactErrorsAndNothingStored(String fixture, String contentType,
            List<String> expected) {
        List<Long> before = storedRows();
        JsonPath body = upload("alice", resource("/portfolio/bad/" + fixture), contentType, uniqueLabel("Bad " + fixture))
                .statusCode(422)
                .contentType(JSON)
                .extract().jsonPath();
        List<Map<String, Object>> errors = body.getList("errors");
        List<String> actual = errors.stream().map(e -> e.get("line") + "|" + e.get("column") + "|" + e.get("code") + "|"
                + e.get("message")).toList();
        assertEquals(expected, actual);
        assertEquals(expected.size(), body.getInt("errorCount"));
        assertEquals(before, storedRows(), "nothing stored");
    }

    @Test
    void metadataErrorsAndFileErrorsComeBackTogether() {
        List<Long> before = storedRows();
        JsonPath body = given().auth().oauth2(Tokens.accessToken("alice"))
                .contentType(CSV)
                .queryParam("asOf", "2026-11-22")
                .queryParam("firmCategory", "bank")
                .body(resource("/portfolio/bad/not-a-number.csv"))
                .when().post("/api/v1/portfolios")
                .then().statusCode(422).extract().jsonPath();
        assertEquals(List.of("label", "asOf", "firmCategory", "quantity"), body.getList("errors.column"));
        assertEquals(List.of(
                "label is required: name the portfolio, e.g. 'Q4 cross-margin book'.",
                "asOf 2026-11-22 is after today, 2026-11-21 by the server clock (UTC): a portfolio cannot be as of a"
                        + " future date.",
                "'bank' is not a valid firmCategory: expected one of BROKER_DEALER, FCM, DUAL_REGISTRANT, MARKET_MAKER,"
                        + " ASSET_MANAGER, CRYPTO_FIRM, OTHER.",
                "'ten' is not a number: quantity expects a decimal such as -25 or 1250.75 (a point for decimals, no"
                        + " separators)."), body.getList("errors.message"));
        assertEquals(before, storedRows());
    }

    @Test
    void anUnknownUnderlyingIsAWarningAndThePortfolioIsStored() {
        upload("alice", resource("/portfolio/unknown-underlying.csv"), CSV, uniqueLabel("Unknown underlying"))
                .statusCode(201)
                .body("positions", equalTo(3))
                .body("warningCount", equalTo(1))
                .body("warnings[0].line", equalTo(3))
                .body("warnings[0].column", equalTo("underlying"))
                .body("warnings[0].code", equalTo("UNKNOWN_UNDERLYING"))
                .body("warnings[0].message", equalTo("underlying ZZZZ is not in reference data 1: treated as a single"
                        + " equity in its own risk group, beta 1"));
    }

    @Test
    void formulaLikeTextIsStoredAsUploadedAndExportedWithALeadingApostrophe() {
        long id = upload("alice", resource("/portfolio/formula-text.csv"), CSV, uniqueLabel("Formulas"))
                .statusCode(201)
                .body("warningCount", equalTo(5))
                .body("warnings.code", everyItem(equalTo("FORMULA_TEXT")))
                .body("warnings.line", contains(2, 2, 3, 3, 4))
                .body("warnings[4].column", equalTo("position_id"))
                .body("warnings[4].message", equalTo("The value starts with '-': it is stored as plain text and never"
                        + " evaluated; CSV exports put an apostrophe in front of it so spreadsheets do not run it as a"
                        + " formula."))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id + "/positions")
                .then().statusCode(200)
                .body("positions[0].positionId", equalTo("=1+2"))
                .body("positions[0].symbol", equalTo("=HYPERLINK(\"http://evil.example\",\"AAPL\")"))
                .body("positions[1].positionId", equalTo("@SUM(A1)"))
                .body("positions[1].symbol", equalTo("+SPY"));
        String csv = given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id + "/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(PositionColumn.headerLine(), lines.get(0));
        assertEquals("'=1+2,SECURITIES,STOCK,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"AAPL\"\")\",AAPL,100,1,271.40"
                + ",,,,,,,USD", lines.get(1));
        assertEquals("'@SUM(A1),SECURITIES,ETF,'+SPY,SPY,-50,1,677.30,,,,,,,USD", lines.get(2));
        // Text starting with '-' is guarded; a negative quantity is a number and stays as it is.
        assertEquals("'-2+3,SECURITIES,STOCK,AAPL,AAPL,-10,1,271.40,,,,,,,USD", lines.get(3));
    }

    @Test
    void anErrorOnTheLastLineOfALongFileCancelsTheCopyAlreadyUnderWayAndStoresNothing() {
        List<Long> before = storedRows();
        // 5,000 valid rows are several COPY messages (one per 60 KB) sent before the duplicate is read.
        StringBuilder csv = new StringBuilder(PositionColumn.headerLine()).append('\n');
        for (int i = 1; i <= 5000; i++) {
            csv.append("L").append(i).append(",SECURITIES,STOCK,AAPL,AAPL,").append(i).append(",1,271.40,,,,,,,USD\n");
        }
        csv.append("L17,SECURITIES,STOCK,AAPL,AAPL,1,1,271.40,,,,,,,USD\n");
        upload("alice", csv.toString().getBytes(StandardCharsets.UTF_8), CSV, uniqueLabel("Late error"))
                .statusCode(422)
                .body("errors.line", contains(5002))
                .body("errors[0].message", equalTo("position_id 'L17' is already used on line 18: each position needs"
                        + " its own."));
        assertEquals(before, storedRows(), "nothing stored");
    }

    @Test
    void aStoredPortfolioCannotBeChangedInPlaceOnlyUploadedAgainAsANewVersion() {
        long id = uploadSample("alice", uniqueLabel("Immutable"));
        byte[] other = resource("/portfolio/unknown-underlying.csv");
        given().auth().oauth2(Tokens.accessToken("alice")).contentType(CSV).body(other)
                .when().put("/api/v1/portfolios/" + id).then().statusCode(405);
        given().auth().oauth2(Tokens.accessToken("alice")).contentType(JSON).body("{\"label\": \"Renamed\"}")
                .when().patch("/api/v1/portfolios/" + id).then().statusCode(405);
        given().auth().oauth2(Tokens.accessToken("alice")).contentType(CSV).body(other)
                .when().post("/api/v1/portfolios/" + id + "/positions").then().statusCode(405);
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios/" + id)
                .then().statusCode(200).body("version", equalTo(1)).body("positions", equalTo(26))
                .body("label", not(equalTo("Renamed")));
        assertEquals(26, count("select count(*) from portfolio_position where portfolio_id = ?", id));
    }

    @Test
    void aSecondUploadUnderTheSameLabelIsTheNextVersionAndTheFirstStaysAsItWas() {
        String label = uniqueLabel("Versioned");
        long first = uploadSample("alice", label);
        upload("amir", resource("/portfolio/unknown-underlying.csv"), CSV, label)
                .statusCode(201).body("version", equalTo(2)).body("positions", equalTo(3));
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + first)
                .then().body("version", equalTo(1)).body("positions", equalTo(26));
    }

    @Test
    void theListHoldsTheFirmsPortfoliosForEachOfItsUsersAndNoOtherFirms() {
        String label = uniqueLabel("Listed");
        long id = uploadSample("alice", label);
        given().auth().oauth2(Tokens.accessToken("amir"))
                .when().get("/api/v1/portfolios")
                .then().statusCode(200).body("id", hasItem((int) id)).body("label", hasItem(label));
        given().auth().oauth2(Tokens.accessToken("bella"))
                .when().get("/api/v1/portfolios")
                .then().statusCode(200).body("id", not(hasItem((int) id))).body("label", not(hasItem(label)));
    }

    @Test
    void anotherFirmAndStaffGet404OnEveryEndpointOfAPortfolio() {
        long id = uploadSample("alice", uniqueLabel("Private"));
        for (String user : List.of("bella", "sam")) {
            for (String path : List.of("", "/positions", "/positions?page=2", "/export")) {
                given().auth().oauth2(Tokens.accessToken(user))
                        .when().get("/api/v1/portfolios/" + id + path)
                        .then().statusCode(404)
                        .body(not(containsString("Private")));
            }
            given().auth().oauth2(Tokens.accessToken(user))
                    .when().delete("/api/v1/portfolios/" + id)
                    .then().statusCode(404);
        }
        given().auth().oauth2(Tokens.accessToken("amir"))
                .when().get("/api/v1/portfolios/" + id)
                .then().statusCode(200);
        assertEquals(26, count("select count(*) from portfolio_position where portfolio_id = ?", id));
    }

    @Test
    void staffCannotUploadOrListPortfolios() {
        upload("sam", resource("/portfolio/sample-portfolio.csv"), CSV, uniqueLabel("Staff")).statusCode(403);
        given().auth().oauth2(Tokens.accessToken("sam")).when().get("/api/v1/portfolios").then().statusCode(403);
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().contentType(CSV).body("x").when().post("/api/v1/portfolios").then().statusCode(401);
    }

    @Test
    void positionsArePagedInLineOrderAndFilteredByAccountTypeUnderlyingAndText() {
        long id = uploadSample("alice", uniqueLabel("Paged"));
        String base = "/api/v1/portfolios/" + id + "/positions";
        given().auth().oauth2(Tokens.accessToken("alice")).when().get(base)
                .then().statusCode(200)
                .body("page", equalTo(1)).body("pageSize", equalTo(50)).body("matching", equalTo(26))
                .body("pages", equalTo(1))
                .body("positions[0].line", equalTo(2)).body("positions[0].positionId", equalTo("EQ-001"))
                .body("positions[25].positionId", equalTo("TF-002"));
        given().auth().oauth2(Tokens.accessToken("alice")).queryParam("account", "FUTURES").when().get(base)
                .then().body("matching", equalTo(14)).body("positions.account", everyItem(equalTo("FUTURES")));
        given().auth().oauth2(Tokens.accessToken("alice")).queryParam("instrumentType", "INDEX_OPTION").when().get(base)
                .then().body("positions.positionId", contains("IX-001", "IX-002", "IX-003", "IX-004", "IX-005"));
        given().auth().oauth2(Tokens.accessToken("alice")).queryParam("underlying", "spx").when().get(base)
                .then().body("matching", equalTo(4));
        given().auth().oauth2(Tokens.accessToken("alice")).queryParam("q", "esh7").when().get(base)
                .then().body("positions.positionId", contains("FU-001", "FU-003", "FO-001", "FO-002"));
        given().auth().oauth2(Tokens.accessToken("alice")).queryParam("page", 2).when().get(base)
                .then().body("page", equalTo(2)).body("positions", empty());
        given().auth().oauth2(Tokens.accessToken("alice")).queryParam("account", "BANK").when().get(base)
                .then().statusCode(400).body("message", equalTo("account must be one of SECURITIES, FUTURES."));
    }

    @Test
    void aFilterWithANulCharacterIsA400SayingSoNotAServerError() {
        long id = uploadSample("alice", uniqueLabel("Nul filter"));
        given().auth().oauth2(Tokens.accessToken("alice")).urlEncodingEnabled(false).queryParam("underlying", "SP%00X")
                .when().get("/api/v1/portfolios/" + id + "/positions")
                .then().statusCode(400)
                .body("message", equalTo("A value you sent contains a NUL character (U+0000), which cannot be stored."
                        + " Remove it and send again; nothing was saved."));
    }

    @Test
    void aMultipartUploadCutOffBeforeItsClosingBoundaryIsA400AndStoresNothing() {
        int before = given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        given().auth().oauth2(Tokens.accessToken("alice")).contentType("multipart/form-data; boundary=cut")
                .body("--cut\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nCut off\r\n--cut\r\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/portfolios")
                .then().statusCode(400)
                .body("message", equalTo("The multipart body ended before its closing boundary: the upload was cut"
                        + " off or is malformed. Send it again; nothing was saved."));
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios")
                .then().body("$", hasSize(before));
    }

    @Test
    void theDetailGivesTotalsByAccountInstrumentTypeRiskGroupAndUnderlying() {
        long id = uploadSample("alice", uniqueLabel("Totals"));
        JsonPath detail = exact(given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/v1/portfolios/" + id).then().statusCode(200).extract().asString());
        // Largest gross notional first; figures summed by hand from sample-portfolio.csv (quantity x multiplier x price).
        assertEquals(List.of("FUTURES", "SECURITIES"), detail.getList("totals.ACCOUNT.key"));
        assertEquals(List.of(14, 12), detail.getList("totals.ACCOUNT.positions").stream()
                .map(n -> ((Number) n).intValue()).toList());
        assertEquals(new java.math.BigDecimal("-15077695.000000"), detail.get("totals.ACCOUNT[0].netNotional"));
        assertEquals(new java.math.BigDecimal("43532915.000000"), detail.get("totals.ACCOUNT[0].grossNotional"));
        assertEquals(new java.math.BigDecimal("22658300.00"), detail.get("totals.ACCOUNT[1].netNotional"));
        assertEquals(new java.math.BigDecimal("25311600.00"), detail.get("totals.ACCOUNT[1].grossNotional"));
        Map<String, Integer> byGroup = new java.util.TreeMap<>();
        List<Map<String, Object>> groups = detail.getList("totals.RISK_GROUP");
        groups.forEach(g -> byGroup.put((String) g.get("key"), ((Number) g.get("positions")).intValue()));
        assertEquals(Map.of("US_LARGE_CAP", 12, "BITCOIN", 8, "NASDAQ_100", 1, "AAPL", 1, "US_RATES_10Y", 2,
                "US_RATES_2Y", 1, "US_RATES_5Y", 1), byGroup);
        assertEquals(11, detail.getList("totals.INSTRUMENT_TYPE").size());
        assertEquals(15, detail.getList("totals.UNDERLYING").size());
    }

    @Test
    void deletingRemovesThePortfolioItsPositionsAndTotalsAndIsAudited() {
        String label = uniqueLabel("Deleted");
        long id = uploadSample("alice", label);
        given().auth().oauth2(Tokens.accessToken("amir")).when().delete("/api/v1/portfolios/" + id)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios/" + id)
                .then().statusCode(404);
        assertEquals(0, count("select count(*) from portfolio_position where portfolio_id = ?", id));
        assertEquals(0, count("select count(*) from portfolio_total where portfolio_id = ?", id));
        assertEquals(1, count("select count(*) from audit_event where entity_type = 'portfolio' and entity_id = ?"
                + " and action = 'portfolio.delete' and actor = 'amir'", Long.toString(id)));
        upload("alice", resource("/portfolio/sample-portfolio.csv"), CSV, label).statusCode(201)
                .body("version", equalTo(2));
    }

    /**
     * Rows as the impact and comment features write them: a run on the portfolio, a summary of it, a
     * comment draft citing the summary and, when {@code submitted}, the draft's submission.
     *
     * @return the tracking number of the submission, or null
     */
    String commentCitingImpactOf(long portfolioId, boolean submitted) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection()) {
            long consultation = insert(c, "insert into consultation (slug, title, summary, agency_sec, agency_cftc,"
                    + " late_comment_policy, created_at, updated_at) values (?, 'Hold test', 'x', true, true, 'REJECT',"
                    + " now(), now()) returning id", "portfolio-hold-" + tag);
            long run = insert(c, "insert into impact_run (firm, portfolio_id, portfolio_label, portfolio_version,"
                    + " proposals, securities_regime, status, requested_by, requested_at) values ('firm-a', ?, 'Held',"
                    + " 1, 'B-80pct-capped', 'PORTFOLIO_MARGIN', 'QUEUED', 'alice', now()) returning id", portfolioId);
            long summary = insert(c, "insert into impact_summary (firm, run_id, created_by, created_at, content)"
                    + " values ('firm-a', ?, 'alice', now(), '{}'::jsonb) returning id", run);
            long draft = insert(c, "insert into comment_draft (consultation_id, firm, status, created_by, created_at,"
                    + " updated_by, updated_at) values (?, 'firm-a', '" + (submitted ? "SUBMITTED" : "DRAFT")
                    + "', 'alice', now(), 'alice', now()) returning id", consultation);
            try (PreparedStatement s = c.prepareStatement("insert into comment_impact_link (draft_id, question_key,"
                    + " summary_id) values (?, 'c-offsets-1', ?)")) {
                s.setLong(1, draft);
                s.setLong(2, summary);
                s.executeUpdate();
            }
            if (!submitted) {
                return null;
            }
            String tracking = "MC-2026-" + tag;
            try (PreparedStatement s = c.prepareStatement("insert into comment_submission (draft_id, consultation_id,"
                    + " firm, tracking_number, idempotency_key, submitted_by, received_at, late, organization, agencies,"
                    + " identifiers, full_document, full_sha256, public_document, public_sha256) values (?, ?, 'firm-a',"
                    + " ?, ?, 'alice', '2026-11-21T10:00:00Z', false, 'Alpha Clearing LLC', 'SEC,CFTC', '{}'::jsonb,"
                    + " 'full', repeat('a', 64), 'public', repeat('b', 64))")) {
                s.setLong(1, draft);
                s.setLong(2, consultation);
                s.setString(3, tracking);
                s.setString(4, tag);
                s.executeUpdate();
            }
            return tracking;
        }
    }

    static long insert(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aPortfolioWhoseImpactIsAttachedToASubmittedCommentIsNotDeleted() throws SQLException {
        long id = uploadSample("alice", uniqueLabel("Held"));
        String tracking = commentCitingImpactOf(id, true);
        given().auth().oauth2(Tokens.accessToken("alice")).when().delete("/api/v1/portfolios/" + id)
                .then().statusCode(409)
                .body("message", containsString("cannot be deleted: its impact is attached to comment " + tracking
                        + ", submitted 2026-11-21. A portfolio behind a submitted comment is kept"));
        assertEquals(26, count("select count(*) from portfolio_position where portfolio_id = ?", id));
    }

    @Test
    void aDraftCommentCitingThePortfoliosImpactDoesNotKeepItFromDeletion() throws SQLException {
        long id = uploadSample("alice", uniqueLabel("Draft only"));
        commentCitingImpactOf(id, false);
        given().auth().oauth2(Tokens.accessToken("alice")).when().delete("/api/v1/portfolios/" + id)
                .then().statusCode(204);
    }

    @Test
    void anUploadAnnouncingMoreThanTheLimitIsRefused413BeforeItsBodyIsSent() throws IOException {
        String token = Tokens.accessToken("alice");
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/portfolios?label=Big&asOf=2026-11-20&firmCategory=FCM HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + token + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 209715200\r\n\r\n" + PositionColumn.headerLine() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readNBytes(2000), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"code\":\"FILE_TOO_LARGE\""), response);
            assertTrue(response.contains("The upload is larger than 100 MB, the limit"), response);
        }
    }

    @Test
    void refusedUploadsLeaveNoTemporaryFileBehind() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (Stream<Path> files = Files.list(tmp)) {
            before = files.filter(p -> p.getFileName().toString().startsWith("portfolio-upload-")).count();
        }
        upload("alice", resource("/portfolio/bad/expired.csv"), CSV, uniqueLabel("Temp")).statusCode(422);
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(before, files.filter(p -> p.getFileName().toString().startsWith("portfolio-upload-")).count());
        }
    }

    @Test
    void anUploadWithoutCollateralHasNone() {
        long id = uploadSample("alice", uniqueLabel("No collateral"));
        given().auth().oauth2(Tokens.accessToken("alice")).when().get("/api/v1/portfolios/" + id)
                .then().body("collateral", hasSize(0)).body("sourceName", nullValue());
    }
}
