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
}
