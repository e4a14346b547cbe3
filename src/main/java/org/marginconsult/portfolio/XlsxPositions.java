package org.marginconsult.portfolio;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads an XLSX portfolio: the sheet named {@code positions} (any case) or else the first sheet,
 * whose first non-empty row is the header. The sheet XML is streamed with SAX, so rows are never all
 * in memory; the workbook's shared strings are (that is how XLSX stores text).
 *
 * <p>Values are read as stored, not as displayed: a number formatted with thousands separators is
 * still the number, and a date cell in the {@code expiry} column is the date, whatever its format.
 * Lines in errors are the sheet's row numbers, as Excel shows them.
 */
final class XlsxPositions {

    static final String SHEET_NAME = "positions";

    private final PositionRows rows;
    private PositionColumn[] columns;
    private boolean headerSeen;
    private boolean date1904;

    XlsxPositions(PositionRows rows) {
        this.rows = rows;
    }

    ReadResult read(Path file) throws IOException {
        if (Files.size(file) > rows.rules().maxBytes()) {
            rows.overLimit();
            rows.findings().error(null, null, ErrorKind.FILE_TOO_LARGE, Limits.tooLargeMessage(rows.rules().maxBytes()));
            return rows.result();
        }
        if (isOle2(file)) {
            rows.findings().error(null, null, ErrorKind.UNREADABLE_FILE, "The file is an Excel 97-2003 workbook (.xls):"
                    + " save it as an Excel workbook (.xlsx) or as CSV UTF-8 and upload that.");
            return rows.result();
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            date1904 = readsDate1904(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            InputStream chosen = null;
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                if (sheets.getSheetName().equalsIgnoreCase(SHEET_NAME)) {
                    if (chosen != null) {
                        chosen.close();
                    }
                    chosen = sheet;
                    break;
                }
                if (chosen == null) {
                    chosen = sheet;
                } else {
                    sheet.close();
                }
            }
            if (chosen == null) {
                rows.finish(false);
                return rows.result();
            }
            try (InputStream sheet = chosen) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings));
                xml.parse(new InputSource(sheet));
            } catch (StopReading e) {
                return rows.result();
            }
        } catch (RuntimeException | SAXException | IOException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
                | javax.xml.parsers.ParserConfigurationException e) {
            if (e instanceof StopReading) {
                return rows.result();
            }
            if (e instanceof PositionRowsFailure failure) {
                throw failure.getCause();
            }
            rows.findings().error(null, null, ErrorKind.UNREADABLE_FILE, "The file is not a readable XLSX workbook ("
                    + reason(e) + "): save it again from Excel as .xlsx, or upload CSV UTF-8.");
            return rows.result();
        }
        rows.finish(headerSeen);
        return rows.result();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.lines().findFirst().orElse(message);
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }

    private static boolean isOle2(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF
                    && (magic[2] & 0xFF) == 0x11 && (magic[3] & 0xFF) == 0xE0;
        }
    }

    /** Workbooks made on old Macs count days from 1904; the expiry dates depend on it. */
    private static boolean readsDate1904(XSSFReader reader) throws IOException,
            org.apache.poi.openxml4j.exceptions.InvalidFormatException, SAXException,
            javax.xml.parsers.ParserConfigurationException {
        boolean[] found = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            xml.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /** Stops the SAX parse when the header is unusable or the row limit is reached. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Carries an I/O failure of the position sink through the SAX parser. */
    private static final class PositionRowsFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PositionRowsFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** One sheet's XML: rows of cells, each with a reference such as C7, a type and a value. */
    private final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final List<String> rowValues = new ArrayList<>();
        private final List<Boolean> rowNumeric = new ArrayList<>();
        private final List<Boolean> rowTooLong = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean capturing;
        private boolean tooLong;
        private int rowNumber;
        private int cellIndex;
        private String cellType;
        private final String[] cells = new String[PositionColumn.all().size()];

        SheetHandler(ReadOnlySharedStringsTable strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                    rowValues.clear();
                    rowNumeric.clear();
                    rowTooLong.clear();
                    cellIndex = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    cellIndex = ref != null ? columnIndex(ref) : cellIndex + 1;
                    cellType = attributes.getValue("t");
                    text.setLength(0);
                    tooLong = false;
                }
                case "v", "t" -> capturing = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (capturing) {
                int room = CsvPositions.MAX_FIELD_BYTES - text.length();
                if (length > room) {
                    tooLong = true;
                }
                text.append(ch, start, Math.max(0, Math.min(length, room)));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> capturing = false;
                case "c" -> endCell();
                case "row" -> endRow();
                default -> {
                }
            }
        }

        private void endCell() {
            String value;
            boolean numeric = false;
            String raw = text.toString();
            if ("s".equals(cellType)) {
                value = raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            } else if ("inlineStr".equals(cellType) || "str".equals(cellType) || "e".equals(cellType)) {
                value = raw;
            } else if ("b".equals(cellType)) {
                value = "1".equals(raw) ? "TRUE" : "FALSE";
            } else if ("d".equals(cellType)) {
                value = raw.length() >= 10 ? raw.substring(0, 10) : raw;
            } else {
                value = raw;
                numeric = !raw.isEmpty();
            }
            while (rowValues.size() <= cellIndex) {
                rowValues.add("");
                rowNumeric.add(false);
                rowTooLong.add(false);
            }
            rowValues.set(cellIndex, value);
            rowNumeric.set(cellIndex, numeric);
            rowTooLong.set(cellIndex, tooLong);
        }

        private void endRow() {
            if (rowValues.stream().allMatch(v -> v.strip().isEmpty())) {
                return;
            }
            if (!headerSeen) {
                headerSeen = true;
                String[] header = rowValues.toArray(String[]::new);
                int count = header.length;
                while (count > 0 && header[count - 1].strip().isEmpty()) {
                    count--;
                }
                columns = rows.header(rowNumber, header, count);
                if (columns == null) {
                    throw new StopReading();
                }
                return;
            }
            Arrays.fill(cells, null);
            for (PositionColumn c : columns) {
                if (c != null) {
                    cells[c.ordinal()] = "";
                }
            }
            int skip = 0;
            for (int i = 0; i < rowValues.size(); i++) {
                String value = rowValues.get(i);
                PositionColumn c = i < columns.length ? columns[i] : null;
                if (c == null) {
                    if (i >= columns.length && !value.strip().isEmpty()) {
                        rows.findings().error(rowNumber, columnLetters(i), ErrorKind.RAGGED_ROW, "Row " + rowNumber
                                + " has a value in column " + columnLetters(i) + ", which has no header: delete it or"
                                + " name the column.");
                    }
                    continue;
                }
                if (rowTooLong.get(i)) {
                    rows.findings().error(rowNumber, rows.label(c), ErrorKind.FIELD_TOO_LONG, String.format(Locale.ROOT,
                            "The value is more than %,d characters long: %s takes at most %d.",
                            CsvPositions.MAX_FIELD_BYTES, rows.label(c), c.maxLength()));
                    skip |= 1 << c.ordinal();
                    continue;
                }
                cells[c.ordinal()] = rowNumeric.get(i) ? numericCell(c, value) : value;
            }
            try {
                if (!rows.row(rowNumber, cells, skip)) {
                    throw new StopReading();
                }
            } catch (IOException e) {
                throw new PositionRowsFailure(e);
            }
        }

        /** A stored number: the expiry column reads it as an Excel date serial, others as a decimal. */
        private String numericCell(PositionColumn c, String raw) {
            double d;
            try {
                d = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                return raw;
            }
            if (c == PositionColumn.EXPIRY) {
                return DateUtil.isValidExcelDate(d)
                        ? DateUtil.getLocalDateTime(d, date1904).toLocalDate().toString()
                        : raw;
            }
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                return raw;
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /** C7 gives 2 (zero-based column index). */
    static int columnIndex(String reference) {
        int index = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    /** 2 gives C, 26 gives AA. */
    static String columnLetters(int index) {
        StringBuilder out = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            out.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return out.toString();
    }
}
