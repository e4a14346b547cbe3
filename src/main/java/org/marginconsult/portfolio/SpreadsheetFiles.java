package org.marginconsult.portfolio;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The downloadable template and sample portfolio, in CSV (the files shipped in
 * {@code src/main/resources/portfolio/}) and in XLSX (built from the same rows: numbers as number
 * cells, expiries as date cells, on a sheet named {@code positions}), so both formats always agree.
 */
@ApplicationScoped
public class SpreadsheetFiles {

    static final String TEMPLATE = "/portfolio/template.csv";
    static final String SAMPLE = "/portfolio/sample-portfolio.csv";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public byte[] csv(String resource) {
        return cache.computeIfAbsent(resource, SpreadsheetFiles::load);
    }

    public byte[] xlsx(String resource) {
        return cache.computeIfAbsent(resource + ".xlsx", key -> toXlsx(csv(resource)));
    }

    private static byte[] load(String resource) {
        try (InputStream in = SpreadsheetFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV's rows as a workbook with one sheet, {@code positions}. */
    static byte[] toXlsx(byte[] csv) {
        List<String[]> records = new ArrayList<>();
        try {
            new CsvTokenizer(new ByteArrayInputStream(csv), CsvPositions.MAX_FIELD_BYTES).read((line, fields, flags, count) -> {
                records.add(java.util.Arrays.copyOf(fields, count));
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(XlsxPositions.SHEET_NAME);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            String[] names = records.get(0);
            for (int r = 0; r < records.size(); r++) {
                Row row = sheet.createRow(r);
                String[] values = records.get(r);
                for (int c = 0; c < values.length; c++) {
                    String value = values[c];
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    PositionColumn column = r == 0 ? null : PositionColumn.byHeader(names[c]).orElse(null);
                    if (r == 0) {
                        cell.setCellValue(value);
                        cell.setCellStyle(header);
                    } else if (column != null && column.kind() == PositionColumn.Kind.DECIMAL) {
                        cell.setCellValue(new BigDecimal(value).doubleValue());
                    } else if (column == PositionColumn.EXPIRY) {
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            for (int c = 0; c < names.length; c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
