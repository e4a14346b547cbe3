package org.marginconsult.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImpactExportsTest {

    static final ImpactResult RESULT = ImpactFixtures.calculator(ImpactCalculatorTest.CATALOG).calculate(
            ImpactFixtures.input(ImpactFixtures.samplePositions()), SecuritiesRegime.PORTFOLIO_MARGIN,
            ImpactCalculatorTest.PROPOSALS, (p, s) -> { });

    @Test
    void textThatASpreadsheetWouldEvaluateGetsALeadingApostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\")", ImpactExports.safe("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", ImpactExports.safe("+1"));
        assertEquals("'-2+3", ImpactExports.safe("-2+3"));
        assertEquals("'@SUM(A1)", ImpactExports.safe("@SUM(A1)"));
        assertEquals("'\tx", ImpactExports.safe("\tx"));
        assertEquals("US_LARGE_CAP", ImpactExports.safe("US_LARGE_CAP"));
    }

    @Test
    void csvAmountsStayNumbersWhileEveryTextCellIsInert() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactExports.csv(RESULT, out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals("section,regime,item,detail,amount_usd,percent", lines[0]);
        assertTrue(lines.length > 30);
        for (String line : lines) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                boolean number = text.matches("-?\\d+(\\.\\d+)?");
                assertFalse(!number && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0,
                        "formula-like cell: " + cell);
            }
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("total,today,total,," + RESULT.today().total().toPlainString()));
    }

    @Test
    void xlsxWritesAmountsAsNumericCellsAndTextAsStrings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImpactExports.xlsx(RESULT, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = book.getSheet("impact");
            boolean sawTotal = false;
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                assertEquals(CellType.STRING, row.getCell(0).getCellType());
                if (row.getCell(0).getStringCellValue().equals("total") && row.getCell(1).getStringCellValue().equals("today")) {
                    assertEquals(CellType.NUMERIC, row.getCell(4).getCellType());
                    assertEquals(RESULT.today().total().doubleValue(), row.getCell(4).getNumericCellValue(), 0.001);
                    sawTotal = true;
                }
            }
            assertTrue(sawTotal);
        }
    }

    /**
     * A book whose label and position ids a spreadsheet would evaluate (the upload stores them as given),
     * through the exports: every text cell of the CSV and the XLSX is inert, the JSON keeps the text as a
     * JSON string (data for programs, never a formula) and the amounts to the cent.
     */
    @Test
    void formulaLikeLabelsAndPositionIdsComeOutInertInEveryExport() throws Exception {
        String[] prefixes = {"=", "+", "-", "@"};
        java.util.List<org.marginconsult.margin.Position> hostile = new java.util.ArrayList<>();
        int i = 0;
        for (org.marginconsult.margin.Position p : ImpactFixtures.samplePositions()) {
            hostile.add(new org.marginconsult.margin.Position(prefixes[i++ % 4] + "HYPERLINK(\"http://x\")" + p.positionId(),
                    p.account(), p.instrumentType(), p.symbol(), p.underlying(), p.quantity(), p.multiplier(), p.price(),
                    p.underlyingPrice(), p.optionType(), p.strike(), p.expiry(), p.impliedVol(), p.dv01(), p.currency()));
        }
        String label = "=cmd|' /C calc'!A0";
        ImpactResult result = ImpactFixtures.calculator(ImpactCalculatorTest.CATALOG).calculate(
                new ImpactInput(7, "firm-a", label, 1, ImpactFixtures.AS_OF, hostile, ImpactFixtures.collateral()),
                SecuritiesRegime.PORTFOLIO_MARGIN, ImpactCalculatorTest.PROPOSALS, (p, s) -> { });

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        ImpactExports.csv(result, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("provenance,,portfolio,'=cmd|' /C calc'!A0 v1,,"), "the label is neutralised");
        int hostileCells = 0;
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!value.matches("-?\\d+(\\.\\d+)?") && !value.isEmpty()
                        && "=+-@\t\r".indexOf(value.charAt(0)) >= 0, "formula-like cell: " + cell);
                hostileCells += value.startsWith("'") && value.contains("HYPERLINK") ? 1 : 0;
            }
        }
        assertTrue(hostileCells > 0, "the drill-down rows name the hostile positions, neutralised");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        ImpactExports.xlsx(result, xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (Row row : book.getSheet("impact")) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    assertFalse(cell.getCellType() == CellType.FORMULA, "no formula cell");
                    if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
                        assertFalse("=+-@\t\r".indexOf(cell.getStringCellValue().charAt(0)) >= 0,
                                "formula-like text: " + cell.getStringCellValue());
                    }
                }
            }
        }

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ImpactExports.json(result, json);
        com.fasterxml.jackson.databind.JsonNode tree = ImpactCalculatorTest.JSON.readTree(json.toByteArray());
        assertEquals(label, tree.at("/provenance/portfolioLabel").asText());
        assertEquals(result.today().total().toPlainString(), tree.at("/today/total").asText(), "amounts to the cent");
    }

    @Test
    void theSpreadsheetLibraryLogsThroughTheApplicationLogNotAnErrorAboutAMissingLog4jProvider() {
        // Without a provider the Log4j API falls back to its simple context and prints an ERROR line.
        assertFalse(org.apache.logging.log4j.LogManager.getContext(false)
                instanceof org.apache.logging.log4j.simple.SimpleLoggerContext);
    }
}
