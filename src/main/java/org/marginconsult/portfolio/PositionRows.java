package org.marginconsult.portfolio;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.reference.ReferenceData;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules every format shares: a header names the columns, each row becomes a
 * {@link Position}, the engine's {@link PositionValidator} judges its fields, and the upload-specific
 * checks come on top (cell formats, client identifiers, expiry against the as-of date, duplicate
 * position_id, row limit). Valid positions go to the sink until the first error anywhere.
 *
 * <p>Holds one row at a time, plus 20 bytes per position for duplicate detection
 * ({@link PositionIdIndex}) and the distinct unknown underlyings (at most {@link #MAX_TRACKED_UNDERLYINGS}).
 */
final class PositionRows {

    static final int MAX_TRACKED_UNDERLYINGS = 10_000;
    private static final int COLUMNS = PositionColumn.all().size();
    private static final PositionColumn[] TEXT_COLUMNS = {PositionColumn.POSITION_ID, PositionColumn.SYMBOL,
            PositionColumn.UNDERLYING};
    private static final Pattern ENGINE_FIELD_NAMES = Pattern.compile(
            "\\b(positionId|instrumentType|underlyingPrice|optionType|impliedVol)\\b");

    private final ReferenceData reference;
    private final Findings findings;
    private final PositionSink sink;
    private final boolean json;
    private final PositionIdIndex ids = new PositionIdIndex();
    private final Set<String> knownUnknownUnderlyings = new HashSet<>();
    private ReadRules rules;
    private int missingRequiredMask;
    private int rows;
    private boolean overLimit;
    private final String[] values = new String[COLUMNS];

    PositionRows(ReferenceData reference, ReadRules rules, PositionSink sink, boolean json) {
        this.reference = reference;
        this.rules = rules;
        this.sink = sink;
        this.json = json;
        this.findings = new Findings(rules.maxReportedErrors());
    }

    Findings findings() {
        return findings;
    }

    ReadRules rules() {
        return rules;
    }

    void asOf(LocalDate asOf) {
        this.rules = rules.withAsOf(asOf);
    }

    int rows() {
        return rows;
    }

    void overLimit() {
        overLimit = true;
    }

    ReadResult result() {
        return findings.result(rows, overLimit);
    }

    String label(PositionColumn column) {
        return json ? column.jsonName() : column.fileName();
    }

    /**
     * Reads a CSV or XLSX header row.
     *
     * @return for each cell, the column it names or null; null as a whole when the header is unusable
     *         (another delimiter, or no known column at all) and reading should stop
     */
    PositionColumn[] header(int line, String[] cells, int count) {
        if (count == 1) {
            String only = cells[0];
            for (String delimiter : List.of(";", "\t", "|")) {
                if (only.contains(delimiter)) {
                    String shown = delimiter.equals("\t") ? "tabs" : "'" + delimiter + "'";
                    findings.error(line, null, ErrorKind.WRONG_DELIMITER, "The header separates columns with "
                            + shown + ": the file must be comma-separated (RFC 4180). In Excel, save as 'CSV UTF-8"
                            + " (Comma delimited)'.");
                    return null;
                }
            }
        }
        boolean anyNamed = false;
        for (int i = 0; i < count && i < cells.length; i++) {
            String name = stripBom(cells[i].strip());
            if (PositionColumn.byHeader(name).isPresent() || ClientIdentifierGuard.isIdentifyingColumn(name)) {
                anyNamed = true;
                break;
            }
        }
        if (!anyNamed) {
            findings.error(line, null, ErrorKind.MISSING_COLUMN, "Line " + line + " is not a header row: none of its"
                    + " cells names a column. The first row must name the columns: " + PositionColumn.headerLine()
                    + ".");
            return null;
        }
        PositionColumn[] byCell = new PositionColumn[count];
        int[] firstCell = new int[COLUMNS];
        int known = 0;
        for (int i = 0; i < count; i++) {
            String name = i < cells.length ? stripBom(cells[i].strip()) : "";
            if (name.isEmpty()) {
                findings.error(line, null, ErrorKind.BLANK_COLUMN_NAME, "Column " + (i + 1)
                        + " of the header has no name: name it as in the template or delete the column.");
                continue;
            }
            Optional<PositionColumn> column = PositionColumn.byHeader(name);
            if (column.isPresent()) {
                PositionColumn c = column.get();
                if (firstCell[c.ordinal()] != 0) {
                    findings.error(line, c.fileName(), ErrorKind.DUPLICATE_COLUMN, "Column '" + c.fileName()
                            + "' appears twice in the header (columns " + firstCell[c.ordinal()] + " and " + (i + 1)
                            + "): keep one.");
                } else {
                    firstCell[c.ordinal()] = i + 1;
                    byCell[i] = c;
                    known |= 1 << c.ordinal();
                }
            } else if (ClientIdentifierGuard.isIdentifyingColumn(name)) {
                findings.error(line, name, ErrorKind.CLIENT_IDENTIFIER, "Column '" + name
                        + "' looks like it identifies a client or an account: " + ClientIdentifierGuard.ADVICE);
            } else {
                findings.error(line, name, ErrorKind.UNKNOWN_COLUMN, unknownColumnMessage(name));
            }
        }
        for (PositionColumn c : PositionColumn.all()) {
            if (c.required() && (known & (1 << c.ordinal())) == 0) {
                findings.error(line, c.fileName(), ErrorKind.MISSING_COLUMN, "Required column '" + c.fileName()
                        + "' is missing from the header.");
                missingRequiredMask |= 1 << c.ordinal();
            }
        }
        return byCell;
    }

    String unknownColumnMessage(String name) {
        Optional<String> closest = PositionColumn.closest(name, json);
        String kind = json ? "field" : "column";
        return closest.map(c -> "Unknown " + kind + " '" + name + "': did you mean '" + c + "'?")
                .orElseGet(() -> "Unknown " + kind + " '" + name + "': the " + kind + "s are "
                        + PositionColumn.all().stream().map(this::label).collect(Collectors.joining(", ")) + ".");
    }

    /**
     * Counts a row that cannot be read field by field (its fields do not line up with the header).
     *
     * @return false when the row limit is passed and reading must stop
     */
    boolean unreadableRow(int line) {
        if (++rows > rules.maxRows()) {
            rows--;
            overLimit = true;
            findings.error(line, null, ErrorKind.TOO_MANY_ROWS, tooManyRows());
            return false;
        }
        return true;
    }

    private String tooManyRows() {
        return String.format(Locale.ROOT,
                "The upload has more than %,d positions, the limit: split the portfolio into several uploads.",
                rules.maxRows());
    }

    /**
     * Reads one data row.
     *
     * @param cells by column ordinal; null for a column the header does not have
     * @param skip  bit per column ordinal whose cell already has an error
     * @return false when the row limit is passed and reading must stop
     */
    boolean row(int line, String[] cells, int skip) throws IOException {
        if (++rows > rules.maxRows()) {
            rows--;
            overLimit = true;
            findings.error(line, null, ErrorKind.TOO_MANY_ROWS, tooManyRows());
            return false;
        }
        int bad = skip | missingRequiredMask;
        for (int i = 0; i < COLUMNS; i++) {
            String raw = cells[i];
            values[i] = raw == null ? "" : CellParser.strip(raw);
            if (raw == null || (bad & (1 << i)) != 0) {
                continue;
            }
            PositionColumn c = PositionColumn.all().get(i);
            String v = values[i];
            if (v.indexOf('\0') >= 0) {
                findings.error(line, label(c), ErrorKind.NUL_CHARACTER,
                        "The value contains a NUL character (byte 0x00), which is not allowed in " + label(c) + ".");
                bad |= 1 << i;
            } else if (v.length() > c.maxLength()) {
                findings.error(line, label(c), ErrorKind.FIELD_TOO_LONG, String.format(Locale.ROOT,
                        "The value is %d characters long: %s takes at most %d.", v.length(), label(c), c.maxLength()));
                bad |= 1 << i;
            } else {
                Optional<String> identifier = ClientIdentifierGuard.identifierKind(v);
                if (identifier.isPresent()) {
                    findings.error(line, label(c), ErrorKind.CLIENT_IDENTIFIER, "The value looks like "
                            + identifier.get() + ": " + ClientIdentifierGuard.ADVICE);
                    bad |= 1 << i;
                }
            }
        }
        rowLine = line;
        rowBad = bad;
        Position position = toPosition();
        bad = rowBad;
        for (FieldError e : PositionValidator.validate(List.of(position))) {
            Optional<PositionColumn> c = PositionColumn.byJsonName(e.field());
            if (c.isPresent() && (bad & (1 << c.get().ordinal())) != 0) {
                continue;
            }
            String column = c.map(this::label).orElse(e.field());
            findings.error(line, column, ErrorKind.INVALID_FIELD, json ? e.message() : fileNames(e.message()));
            if (c.isPresent()) {
                bad |= 1 << c.get().ordinal();
            }
        }
        LocalDate asOf = rules.asOf();
        if (position.expiry() != null && asOf != null && position.expiry().isBefore(asOf)
                && !isBad(bad, PositionColumn.EXPIRY)) {
            findings.error(line, label(PositionColumn.EXPIRY), ErrorKind.EXPIRED, label(PositionColumn.EXPIRY) + " "
                    + position.expiry() + " is before the portfolio's as-of date " + asOf
                    + ": the position had expired by then. Remove it or correct the date.");
        }
        String id = position.positionId();
        if (id != null && !id.isEmpty() && !isBad(bad, PositionColumn.POSITION_ID)) {
            int first = ids.putIfAbsent(id, line);
            if (first != 0) {
                findings.error(line, label(PositionColumn.POSITION_ID), ErrorKind.DUPLICATE_POSITION_ID,
                        label(PositionColumn.POSITION_ID) + " " + CellParser.quote(id) + " is already used on "
                                + (json ? "position " : "line ") + first + ": each position needs its own.");
            }
        }
        warnAboutFormulaText(line, bad);
        String underlying = position.underlying();
        if (underlying != null && !underlying.isEmpty() && !isBad(bad, PositionColumn.UNDERLYING)
                && !reference.isKnown(underlying) && knownUnknownUnderlyings.size() < MAX_TRACKED_UNDERLYINGS
                && knownUnknownUnderlyings.add(underlying)) {
            for (Warning w : reference.warnings(List.of(position))) {
                findings.warning(new UploadWarning(line, label(PositionColumn.UNDERLYING), w.message(),
                        UploadWarning.UNKNOWN_UNDERLYING));
            }
        }
        if (!findings.hasErrors()) {
            sink.accept(line, position);
        }
        return true;
    }

    /** Reports what an empty upload lacks; call after the last row. */
    void finish(boolean headerSeen) {
        if (!headerSeen) {
            findings.error(null, null, ErrorKind.EMPTY_FILE, "The file is empty: it needs a header row naming the"
                    + " columns and one line per position. Download the template to start from.");
        } else if (rows == 0 && !overLimit) {
            findings.error(null, null, ErrorKind.HEADER_ONLY, "The file has a header row but no positions: add one"
                    + " line per position below the header.");
        }
    }

    /** Line of the row being converted, and bit per column ordinal whose cell has an error. */
    private int rowLine;
    private int rowBad;
    /** The column being parsed, which {@link #cellProblems} reports against. */
    private PositionColumn current;
    private final CellParser.Problems cellProblems = this::cellProblem;

    private void cellProblem(ErrorKind kind, String message) {
        findings.error(rowLine, label(current), kind, message);
        rowBad |= 1 << current.ordinal();
    }

    private Position toPosition() {
        String positionId = text(PositionColumn.POSITION_ID);
        Account account = code(PositionColumn.ACCOUNT, Account.class);
        InstrumentType type = code(PositionColumn.INSTRUMENT_TYPE, InstrumentType.class);
        String symbol = text(PositionColumn.SYMBOL);
        String underlying = text(PositionColumn.UNDERLYING);
        BigDecimal quantity = decimal(PositionColumn.QUANTITY);
        BigDecimal multiplier = decimal(PositionColumn.MULTIPLIER);
        BigDecimal price = decimal(PositionColumn.PRICE);
        BigDecimal underlyingPrice = decimal(PositionColumn.UNDERLYING_PRICE);
        OptionType optionType = optionType();
        BigDecimal strike = decimal(PositionColumn.STRIKE);
        LocalDate expiry = date(PositionColumn.EXPIRY);
        BigDecimal impliedVol = decimal(PositionColumn.IMPLIED_VOL);
        BigDecimal dv01 = decimal(PositionColumn.DV01);
        String currency = text(PositionColumn.CURRENCY);
        if (currency != null && !currency.equals(Position.USD)) {
            currency = currency.toUpperCase(Locale.ROOT);
        }
        return new Position(positionId, account, type, symbol, underlying, quantity, multiplier, price,
                underlyingPrice, optionType, strike, expiry, impliedVol, dv01, currency);
    }

    private String text(PositionColumn c) {
        String v = values[c.ordinal()];
        return v.isEmpty() || isBad(rowBad, c) ? null : v;
    }

    private BigDecimal decimal(PositionColumn c) {
        if (isBad(rowBad, c)) {
            return null;
        }
        current = c;
        return CellParser.decimal(values[c.ordinal()], label(c), cellProblems);
    }

    private LocalDate date(PositionColumn c) {
        if (isBad(rowBad, c)) {
            return null;
        }
        current = c;
        return CellParser.date(values[c.ordinal()], label(c), cellProblems);
    }

    private <E extends Enum<E>> E code(PositionColumn c, Class<E> type) {
        if (isBad(rowBad, c)) {
            return null;
        }
        current = c;
        return CellParser.code(values[c.ordinal()], type, label(c), cellProblems);
    }

    private OptionType optionType() {
        String v = values[PositionColumn.OPTION_TYPE.ordinal()];
        if (v.length() == 1 && !isBad(rowBad, PositionColumn.OPTION_TYPE)) {
            if (v.equalsIgnoreCase("C")) {
                return OptionType.CALL;
            }
            if (v.equalsIgnoreCase("P")) {
                return OptionType.PUT;
            }
        }
        return code(PositionColumn.OPTION_TYPE, OptionType.class);
    }

    private void warnAboutFormulaText(int line, int bad) {
        for (PositionColumn c : TEXT_COLUMNS) {
            String v = values[c.ordinal()];
            if (!v.isEmpty() && !isBad(bad, c) && SafeText.startsLikeFormula(v)) {
                findings.warning(new UploadWarning(line, label(c), "The value starts with '" + v.charAt(0)
                        + "': it is stored as plain text and never evaluated; CSV exports put an apostrophe in front"
                        + " of it so spreadsheets do not run it as a formula.", UploadWarning.FORMULA_TEXT));
            }
        }
    }

    private static boolean isBad(int bad, PositionColumn c) {
        return (bad & (1 << c.ordinal())) != 0;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1).strip() : s;
    }

    /** The engine names fields in camelCase; a file's reader knows them by their column names. */
    static String fileNames(String engineMessage) {
        Matcher m = ENGINE_FIELD_NAMES.matcher(engineMessage);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, PositionColumn.byJsonName(m.group(1)).map(PositionColumn::fileName).orElseThrow());
        }
        m.appendTail(out);
        return out.toString();
    }
}
