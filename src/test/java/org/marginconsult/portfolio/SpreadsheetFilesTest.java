package org.marginconsult.portfolio;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginconsult.margin.Position;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadsheetFilesTest {

    @TempDir
    Path dir;

    final SpreadsheetFiles files = new SpreadsheetFiles();

    @Test
    void theXlsxSampleHasAPositionsSheetWithNumberAndDateCells() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.xlsx(SpreadsheetFiles.SAMPLE)))) {
            Sheet sheet = wb.getSheet("positions");
            assertEquals(27, sheet.getPhysicalNumberOfRows());
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(5).getCellType());
            assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(4).getCell(11)));
            assertEquals(LocalDate.of(2027, 1, 15), sheet.getRow(4).getCell(11).getLocalDateTimeCellValue().toLocalDate());
        }
    }

    @Test
    void theXlsxAndCsvVersionsOfTheSampleAndTemplateReadToTheSamePositions() throws IOException {
        for (String resource : List.of(SpreadsheetFiles.SAMPLE, SpreadsheetFiles.TEMPLATE)) {
            PositionReader reader = new PositionReader(PositionReaderTest.reference());
            ReadRules rules = new ReadRules(LocalDate.of(2026, 11, 20), 1 << 20, 1000, 1000);
            List<Position> fromCsv = new ArrayList<>();
            List<Position> fromXlsx = new ArrayList<>();
            ReadResult csv = reader.csv(new ByteArrayInputStream(files.csv(resource)), rules, (l, p) -> fromCsv.add(p));
            Path xlsx = dir.resolve("f.xlsx");
            Files.write(xlsx, files.xlsx(resource));
            ReadResult fromWorkbook = reader.xlsx(xlsx, rules, (l, p) -> fromXlsx.add(p));
            assertEquals(List.of(), csv.errors());
            assertEquals(List.of(), fromWorkbook.errors());
            assertEquals(fromCsv.size(), fromXlsx.size());
            for (int i = 0; i < fromCsv.size(); i++) {
                assertEquals(canonical(fromCsv.get(i)), canonical(fromXlsx.get(i)), resource + " row " + i);
            }
        }
    }

    /** Numbers compared by value: the workbook stores 271.40 as the number 271.4. */
    static String canonical(Position p) {
        return String.join("|", p.positionId(), p.account().name(), p.instrumentType().name(), p.symbol(),
                p.underlying(), n(p.quantity()), n(p.multiplier()), n(p.price()), n(p.underlyingPrice()),
                String.valueOf(p.optionType()), n(p.strike()), String.valueOf(p.expiry()), n(p.impliedVol()),
                n(p.dv01()), p.currency());
    }

    private static String n(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
