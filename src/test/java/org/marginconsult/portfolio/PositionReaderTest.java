package org.marginconsult.portfolio;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.reference.ReferenceData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionReaderTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final String HEADER = PositionColumn.headerLine();
    static final String STOCK = "P1,SECURITIES,STOCK,AAPL,AAPL,100,1,271.40,,,,,,,USD";
    static final String OPTION = "P2,SECURITIES,INDEX_OPTION,SPXW 270115C06900,SPX,-2,100,84.10,6800,CALL,6900,2027-01-15,"
            + "0.142,,USD";

    static ReferenceData reference() {
        try (InputStream in = PositionReaderTest.class.getResourceAsStream("/margin/reference-data-v1.csv")) {
            return ReferenceData.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;

    final List<Position> stored = new ArrayList<>();
    final List<Integer> storedLines = new ArrayList<>();
    ReadRules rules = new ReadRules(AS_OF, 1 << 20, 1000, 1000);

    ReadResult csv(String text) throws IOException {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    ReadResult csv(byte[] bytes) throws IOException {
        return new PositionReader(reference()).csv(new ByteArrayInputStream(bytes), rules, this::store);
    }

    ReadResult xlsx(Path file) throws IOException {
        return new PositionReader(reference()).xlsx(file, rules, this::store);
    }

    ReadResult json(String text) throws IOException {
        Path file = dir.resolve("upload.json");
        Files.writeString(file, text);
        return new PositionReader(reference()).json(file, rules, this::store);
    }

    private void store(int line, Position p) {
        stored.add(p);
        storedLines.add(line);
    }

    static List<String> brief(ReadResult result) {
        return result.errors().stream().map(e -> e.line() + " " + e.column() + " " + e.code()).toList();
    }

    // CSV

    @Test
    void theSamplePortfolioReadsWithoutErrorsAndEveryPositionReachesTheSink() throws IOException {
        ReadResult result = csv(getClass().getResourceAsStream("/portfolio/sample-portfolio.csv").readAllBytes());
        assertEquals(List.of(), result.errors());
        assertEquals(26, result.positions());
        assertEquals(26, stored.size());
        assertEquals(IntStream.rangeClosed(2, 27).boxed().toList(), storedLines);
    }

    @Test
    void aByteOrderMarkCrlfLineEndsAndAMissingFinalLineBreakAreAccepted() throws IOException {
        ReadResult result = csv(("\uFEFF" + HEADER + "\r\n" + STOCK + "\r\n" + OPTION).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), result.errors());
        assertEquals(2, stored.size());
        assertEquals(OptionType.CALL, stored.get(1).optionType());
    }

    @Test
    void quotedValuesMayHoldCommasQuotesAndLineBreaksAndLaterLinesKeepTheirNumbers() throws IOException {
        ReadResult result = csv(HEADER + "\nP1,SECURITIES,STOCK,\"A,\"\"B\"\"\nC\",AAPL,100,1,271.40,,,,,,,USD\n"
                + "P2,SECURITIES,STOCK,AAPL,AAPL,abc,1,271.40,,,,,,,USD\n");
        assertEquals(List.of("4 quantity NOT_A_NUMBER"), brief(result));
        assertEquals(1, stored.size());
        assertEquals("A,\"B\"\nC", stored.get(0).symbol());
    }

    @Test
    void blankLinesAreSkippedButCountAsLines() throws IOException {
        ReadResult result = csv(HEADER + "\n\n" + STOCK + "\n\n\nP2,SECURITIES,STOCK,AAPL,AAPL,1,1,-3,,,,,,,USD\n");
        assertEquals(List.of("6 price INVALID_FIELD"), brief(result));
        assertEquals(2, result.positions());
    }

    @Test
    void headersForgiveCaseSpacesAndCamelCaseAndOptionalColumnsMayBeLeftOut() throws IOException {
        ReadResult result = csv("Position ID,ACCOUNT,instrumentType,Symbol,underlying,quantity,multiplier,price,currency\n"
                + "P1,securities,stock,AAPL,AAPL,100,1,271.40,usd\n");
        assertEquals(List.of(), result.errors());
        Position p = stored.get(0);
        assertEquals(InstrumentType.STOCK, p.instrumentType());
        assertEquals("USD", p.currency());
        assertEquals(new BigDecimal("271.40"), p.price());
    }

    @Test
    void optionTypeAcceptsCAndPAndValuesAreTrimmed() throws IOException {
        ReadResult result = csv(HEADER + "\nP2, SECURITIES ,INDEX_OPTION,SPXW 270115C06900,SPX,-2,100, 84.10 ,6800,c,6900,"
                + "2027-01-15,0.142,,USD\n");
        assertEquals(List.of(), result.errors());
        assertEquals(OptionType.CALL, stored.get(0).optionType());
        assertEquals(new BigDecimal("84.10"), stored.get(0).price());
    }

    @Test
    void numbersKeepTheDigitsWrittenIncludingScientificNotation() throws IOException {
        csv(HEADER + "\nP1,SECURITIES,STOCK,AAPL,AAPL,1e2,1,271.400,,,,,,,USD\n");
        assertEquals(0, new BigDecimal("100").compareTo(stored.get(0).quantity()));
        assertEquals("271.400", stored.get(0).price().toPlainString());
    }

    @Test
    void aFirstLineThatIsNotAHeaderIsSaidSoOnce() throws IOException {
        ReadResult result = csv(STOCK + "\n" + STOCK + "\n");
        assertEquals(1, result.errorCount());
        assertEquals("Line 1 is not a header row: none of its cells names a column. The first row must name the columns: "
                + HEADER + ".", result.errors().get(0).message());
    }

    @Test
    void anUnknownColumnFarFromAnyKnownNameListsTheColumns() throws IOException {
        ReadResult result = csv(HEADER + ",notes\n" + STOCK + ",hello\n");
        assertEquals("Unknown column 'notes': the columns are " + HEADER.replace(",", ", ") + ".",
                result.errors().get(0).message());
    }

    @Test
    void aHeaderCellWithoutANameIsReported() throws IOException {
        ReadResult result = csv(HEADER + ",\n" + STOCK + ",\n");
        assertEquals(List.of("1 null BLANK_COLUMN_NAME"), brief(result));
        assertEquals("Column 16 of the header has no name: name it as in the template or delete the column.",
                result.errors().get(0).message());
    }

    @Test
    void aColumnNamedLikeAnAccountIdentifierIsRefusedWhileTheAccountFieldIsNot() throws IOException {
        for (String name : List.of("account_number", "Account ID", "acct", "customer", "e-mail", "SSN", "tax_id", "LEI",
                "iban", "phone", "address", "first name", "client")) {
            stored.clear();
            ReadResult result = csv(HEADER + "," + name + "\n" + STOCK + ",x\n");
            assertEquals(List.of("1 " + name + " CLIENT_IDENTIFIER"), brief(result), name);
        }
    }

    @Test
    void valuesShapedLikeClientIdentifiersAreRefusedWithoutBeingEchoed() throws IOException {
        ReadResult result = csv(HEADER + "\n"
                + "jane@example.com,SECURITIES,STOCK,AAPL,AAPL,100,1,271.40,,,,,,,USD\n"
                + "P2,SECURITIES,STOCK,078-05-1120,AAPL,100,1,271.40,,,,,,,USD\n"
                + "P3,SECURITIES,STOCK,5493001KJTIIGC8Y1R12,AAPL,100,1,271.40,,,,,,,USD\n"
                + "P4,SECURITIES,STOCK,GB82WEST12345698765432,AAPL,100,1,271.40,,,,,,,USD\n");
        assertEquals(List.of("2 position_id CLIENT_IDENTIFIER", "3 symbol CLIENT_IDENTIFIER", "4 symbol CLIENT_IDENTIFIER",
                "5 symbol CLIENT_IDENTIFIER"), brief(result));
        assertTrue(result.errors().stream().noneMatch(e -> e.message().contains("jane") || e.message().contains("078")
                || e.message().contains("5493") || e.message().contains("GB82")));
        assertEquals("The value looks like an LEI (legal entity identifier): remove client identifiers before uploading"
                + " (portfolios must be anonymized).", result.errors().get(2).message());
    }

    @Test
    void validPositionsReachTheSinkOnlyUntilTheFirstError() throws IOException {
        ReadResult result = csv(HEADER + "\n" + STOCK + "\n" + OPTION + "\nP3,SECURITIES,STOCK,AAPL,AAPL,0,1,271.40,,,,,,,USD\n"
                + "P4,SECURITIES,STOCK,AAPL,AAPL,1,1,271.40,,,,,,,USD\n");
        assertEquals(List.of("4 quantity INVALID_FIELD"), brief(result));
        assertEquals(List.of(2, 3), storedLines);
        assertEquals(4, result.positions());
    }

    @Test
    void errorsBeyondTheReportedLimitAreCountedNotKept() throws IOException {
        rules = new ReadRules(AS_OF, 1 << 20, 1000, 3);
        String lines = IntStream.rangeClosed(1, 10).mapToObj(i -> "P" + i + ",SECURITIES,STOCK,AAPL,AAPL,x,1,1,,,,,,,USD")
                .collect(Collectors.joining("\n"));
        ReadResult result = csv(HEADER + "\n" + lines + "\n");
        assertEquals(3, result.errors().size());
        assertEquals(10, result.errorCount());
        assertFalse(result.valid());
    }

    @Test
    void aFileWithMoreRowsThanTheLimitStopsThereAndSaysSo() throws IOException {
        rules = new ReadRules(AS_OF, 1 << 20, 5, 1000);
        String lines = IntStream.rangeClosed(1, 50).mapToObj(i -> "P" + i + ",SECURITIES,STOCK,AAPL,AAPL,1,1,1,,,,,,,USD")
                .collect(Collectors.joining("\n"));
        ReadResult result = csv(HEADER + "\n" + lines + "\n");
        assertTrue(result.overLimit());
        assertEquals(5, result.positions());
        assertEquals(List.of("7 null TOO_MANY_ROWS"), brief(result));
        assertEquals("The upload has more than 5 positions, the limit: split the portfolio into several uploads.",
                result.errors().get(0).message());
    }

    @Test
    void aFileLargerThanTheLimitStopsAtTheLimitAndSaysSo() throws IOException {
        rules = new ReadRules(AS_OF, 2048, 1000, 1000);
        String lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "P" + i + ",SECURITIES,STOCK,AAPL,AAPL,1,1,1,,,,,,,USD")
                .collect(Collectors.joining("\n"));
        ReadResult result = csv(HEADER + "\n" + lines + "\n");
        assertTrue(result.overLimit());
        assertEquals(List.of("null null FILE_TOO_LARGE"), brief(result));
        assertEquals("The upload is larger than 2 KB, the limit: split the portfolio into several uploads.",
                result.errors().get(0).message());
    }

    @Test
    void aLongValueBeyondTheScanLimitIsReportedWithoutBeingHeld() throws IOException {
        ReadResult result = csv(HEADER + "\nP1,SECURITIES,STOCK," + "A".repeat(5000) + ",AAPL,100,1,271.40,,,,,,,USD\n");
        assertEquals(List.of("2 symbol FIELD_TOO_LONG"), brief(result));
        assertEquals("The value is more than 1,024 bytes long: symbol takes at most 64 characters.",
                result.errors().get(0).message());
    }

    @Test
    void theEngineFieldNamesAreGivenAsColumnNames() {
        assertEquals("implied_vol is a decimal (0.25 for 25%); 19 is above 5, underlying_price and position_id",
                PositionRows.fileNames("impliedVol is a decimal (0.25 for 25%); 19 is above 5, underlyingPrice and"
                        + " positionId"));
    }

    @Test
    void anAccountOtherThanTheTypesHomeAccountIsRefusedByTheEngineRule() throws IOException {
        ReadResult result = csv(HEADER + "\nP1,FUTURES,STOCK,AAPL,AAPL,100,1,271.40,,,,,,,USD\n");
        assertEquals("STOCK positions are held in the SECURITIES account, not FUTURES", result.errors().get(0).message());
    }

    @Test
    void aCurrencyOtherThanUsdIsRefused() throws IOException {
        ReadResult result = csv(HEADER + "\n" + STOCK.replace("USD", "EUR") + "\n");
        assertEquals(List.of("2 currency INVALID_FIELD"), brief(result));
    }

    // XLSX

    Path workbook(Workbook wb) throws IOException {
        Path file = dir.resolve("book" + System.nanoTime() + (wb instanceof HSSFWorkbook ? ".xls" : ".xlsx"));
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }

    static Object[] header() {
        return HEADER.split(",");
    }

    @Test
    void theSheetNamedPositionsIsReadEvenWhenItIsNotTheFirst() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet notes = wb.createSheet("Notes");
        row(notes, 0, "this sheet is not read");
        Sheet positions = wb.createSheet("Positions");
        row(positions, 0, header());
        row(positions, 1, "P1", "SECURITIES", "STOCK", "AAPL", "AAPL", 100, 1, 271.4, null, null, null, null, null, null,
                "USD");
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of(), result.errors());
        assertEquals(new BigDecimal("271.4"), stored.get(0).price());
    }

    @Test
    void withoutAPositionsSheetTheFirstSheetIsRead() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet first = wb.createSheet("Book");
        row(first, 0, header());
        row(first, 1, "P1", "SECURITIES", "STOCK", "AAPL", "AAPL", -3000, 1, 271.4, null, null, null, null, null, null,
                "USD");
        row(wb.createSheet("Other"), 0, "ignored");
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of(), result.errors());
        assertEquals(1, stored.size());
        assertEquals(0, new BigDecimal("-3000").compareTo(stored.get(0).quantity()));
    }

    @Test
    void storedNumbersAndDatesAreReadWhateverTheirDisplayFormat() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        CellStyle thousands = wb.createCellStyle();
        thousands.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        CellStyle usDate = wb.createCellStyle();
        usDate.setDataFormat(wb.createDataFormat().getFormat("m/d/yyyy"));
        Sheet sheet = wb.createSheet("positions");
        row(sheet, 0, header());
        row(sheet, 1, "P2", "SECURITIES", "INDEX_OPTION", "SPXW 270115C06900", "SPX", -2, 100, 84.1, 6800, "CALL", 6900,
                LocalDate.of(2027, 1, 15), 0.142, null, "USD");
        sheet.getRow(1).getCell(8).setCellStyle(thousands);
        sheet.getRow(1).getCell(11).setCellStyle(usDate);
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of(), result.errors());
        Position p = stored.get(0);
        assertEquals(LocalDate.of(2027, 1, 15), p.expiry());
        assertEquals(new BigDecimal("6800"), p.underlyingPrice());
        assertEquals(new BigDecimal("0.142"), p.impliedVol());
    }

    @Test
    void linesAreTheSheetsRowNumbersAndEmptyRowsAreSkipped() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("positions");
        row(sheet, 2, header());
        row(sheet, 3, "P1", "SECURITIES", "STOCK", "AAPL", "AAPL", 100, 1, 271.4, null, null, null, null, null, null, "USD");
        row(sheet, 6, "P2", "SECURITIES", "STOCK", "AAPL", "AAPL", "ten", 1, 271.4, null, null, null, null, null, null,
                "USD");
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of("7 quantity NOT_A_NUMBER"), brief(result));
        assertEquals(List.of(4), storedLines);
    }

    @Test
    void aValueInAColumnWithoutHeaderIsReportedWithItsColumnLetter() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("positions");
        row(sheet, 0, header());
        row(sheet, 1, "P1", "SECURITIES", "STOCK", "AAPL", "AAPL", 100, 1, 271.4, null, null, null, null, null, null, "USD",
                "stray");
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of("2 P RAGGED_ROW"), brief(result));
        assertEquals("Row 2 has a value in column P, which has no header: delete it or name the column.",
                result.errors().get(0).message());
    }

    @Test
    void anOldXlsWorkbookIsExplained() throws IOException {
        HSSFWorkbook wb = new HSSFWorkbook();
        row(wb.createSheet("positions"), 0, header());
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of("null null UNREADABLE_FILE"), brief(result));
        assertEquals("The file is an Excel 97-2003 workbook (.xls): save it as an Excel workbook (.xlsx) or as CSV UTF-8"
                + " and upload that.", result.errors().get(0).message());
    }

    @Test
    void anEmptyWorkbookIsAnEmptyFile() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("positions");
        ReadResult result = xlsx(workbook(wb));
        assertEquals(List.of("null null EMPTY_FILE"), brief(result));
    }

    // JSON

    @Test
    void jsonFieldsAreCamelCaseAndErrorsNameThePositionIndexAndField() throws IOException {
        ReadResult result = json("""
                {"positions": [
                  {"positionId": "J1", "account": "SECURITIES", "instrumentType": "STOCK", "symbol": "AAPL",
                   "underlying": "AAPL", "quantity": 100, "multiplier": 1, "price": 271.40, "currency": "USD"},
                  {"positionId": "J2", "account": "SECURITIES", "instrumentType": "INDEX_OPTION", "symbol": "SPXW",
                   "underlying": "SPX", "quantity": -2, "multiplier": 100, "price": 84.10, "underlyingPrice": 6800,
                   "optionType": "CALL", "strike": 6900, "expiry": "2027-01-15", "impliedVol": 14.2, "currency": "USD"}
                ]}""");
        assertEquals(List.of("2 impliedVol INVALID_FIELD"), brief(result));
        assertEquals("impliedVol is a decimal (0.25 for 25%); 14.2 is above 5", result.errors().get(0).message());
        assertEquals(new BigDecimal("271.40"), stored.get(0).price());
    }

    @Test
    void jsonNullsAndMissingFieldsAreEmptyAndNestedValuesAreRefused() throws IOException {
        ReadResult result = json("""
                {"positions": [{"positionId": "J1", "account": "SECURITIES", "instrumentType": "STOCK",
                  "symbol": {"ticker": "AAPL"}, "underlying": "AAPL", "quantity": 1, "multiplier": 1,
                  "price": 1, "strike": null, "currency": "USD"},
                  {"positionId": "J2", "account": "SECURITIES", "instrumentType": "STOCK", "symbol": "AAPL",
                   "underlying": "AAPL", "quantity": 1, "price": 1, "currency": "USD", "price": 2},
                  "not an object"]}""");
        assertEquals(List.of("1 symbol INVALID_FIELD", "2 price DUPLICATE_COLUMN", "2 multiplier INVALID_FIELD",
                "3 null UNREADABLE_FILE"), brief(result));
    }

    @Test
    void jsonWithoutPositionsIsAnEmptyUpload() throws IOException {
        ReadResult result = json("{\"label\": \"x\", \"positions\": []}");
        assertEquals(List.of("null positions EMPTY_FILE"), brief(result));
    }

    @Test
    void jsonMetadataMayComeAfterThePositionsAndUnknownTopLevelFieldsAreNamed() throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, """
                {"positions": [], "asOf": "2026-11-20", "label": "Book", "firmCategory": "FCM", "owner": "x",
                 "collateral": [{"account": "FUTURES", "asset": "CASH_USD", "marketValue": 1000.50, "haircut": 1}]}""");
        PositionReader.JsonMetadata metadata = new PositionReader(reference()).jsonMetadata(file);
        assertEquals(new MetadataInput("Book", "2026-11-20", "FCM",
                List.of(new MetadataInput.CollateralInput("FUTURES", "CASH_USD", "1000.50", null))), metadata.input());
        assertEquals(List.of("owner", "collateral[1].haircut"),
                metadata.errors().stream().map(UploadError::column).toList());
    }
}
