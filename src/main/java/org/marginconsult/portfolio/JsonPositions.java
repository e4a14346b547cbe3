package org.marginconsult.portfolio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON upload: {@code {"label", "asOf", "firmCategory", "collateral": [...], "positions": [...]}}
 * with one object per position, fields named in camelCase as {@link PositionColumn#jsonName()}, values
 * as strings or numbers (numbers are taken with the digits written, not through a double).
 *
 * <p>Two streaming passes over the saved body: the first reads the metadata and skips the positions,
 * the second reads the positions, so fields may come in any order. "Line" in errors is the position's
 * 1-based index in {@code positions}.
 */
final class JsonPositions {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(1000)
                    .maxNestingDepth(32)
                    .build())
            .build();

    private static final Set<String> TOP_LEVEL = Set.of("label", "asOf", "firmCategory", "collateral", "positions");
    private static final Set<String> COLLATERAL_FIELDS = Set.of("account", "asset", "marketValue", "maturity");

    /** The metadata of a JSON upload and what was wrong with its shape. */
    record Metadata(MetadataInput input, List<UploadError> errors) {
    }

    private JsonPositions() {
    }

    static Metadata metadata(Path file) throws IOException {
        List<UploadError> errors = new ArrayList<>();
        String label = null;
        String asOf = null;
        String category = null;
        List<MetadataInput.CollateralInput> collateral = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                errors.add(UploadError.ofFile(ErrorKind.UNREADABLE_FILE, "The JSON body must be an object with label,"
                        + " asOf, firmCategory, collateral and positions."));
                return new Metadata(new MetadataInput(null, null, null, List.of()), errors);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "label" -> label = scalar(p, value, name, errors);
                    case "asOf" -> asOf = scalar(p, value, name, errors);
                    case "firmCategory" -> category = scalar(p, value, name, errors);
                    case "collateral" -> readCollateral(p, value, collateral, errors);
                    case "positions" -> p.skipChildren();
                    default -> {
                        errors.add(new UploadError(null, name, "Unknown field '" + name + "': the body's fields are "
                                + String.join(", ", List.of("label", "asOf", "firmCategory", "collateral", "positions"))
                                + ".", ErrorKind.INVALID_METADATA));
                        p.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            errors.add(syntax(e));
        }
        return new Metadata(new MetadataInput(label, asOf, category, collateral), errors);
    }

    private static void readCollateral(JsonParser p, JsonToken value, List<MetadataInput.CollateralInput> out,
            List<UploadError> errors) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            errors.add(new UploadError(null, "collateral", "collateral must be an array of objects with account,"
                    + " asset, marketValue and maturity.", ErrorKind.INVALID_METADATA));
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            String prefix = "collateral[" + index + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                errors.add(new UploadError(null, prefix, prefix + " must be an object with account, asset,"
                        + " marketValue and maturity.", ErrorKind.INVALID_METADATA));
                p.skipChildren();
                continue;
            }
            String account = null;
            String asset = null;
            String marketValue = null;
            String maturity = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                String column = prefix + "." + name;
                switch (name) {
                    case "account" -> account = scalar(p, token, column, errors);
                    case "asset" -> asset = scalar(p, token, column, errors);
                    case "marketValue" -> marketValue = scalar(p, token, column, errors);
                    case "maturity" -> maturity = scalar(p, token, column, errors);
                    default -> {
                        errors.add(new UploadError(null, column, "Unknown field '" + name + "' in " + prefix
                                + ": a collateral line has " + String.join(", ", COLLATERAL_FIELDS.stream().sorted()
                                .toList()) + ".", ErrorKind.INVALID_METADATA));
                        p.skipChildren();
                    }
                }
            }
            out.add(new MetadataInput.CollateralInput(account, asset, marketValue, maturity));
        }
    }

    private static String scalar(JsonParser p, JsonToken token, String column, List<UploadError> errors)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return p.getText();
        }
        errors.add(new UploadError(null, column, column + " must be a string or a number.", ErrorKind.INVALID_METADATA));
        p.skipChildren();
        return null;
    }

    /** Second pass: the positions. */
    static ReadResult positions(Path file, PositionRows rows) throws IOException {
        if (Files.size(file) > rows.rules().maxBytes()) {
            rows.overLimit();
            rows.findings().error(null, null, ErrorKind.FILE_TOO_LARGE, Limits.tooLargeMessage(rows.rules().maxBytes()));
            return rows.result();
        }
        boolean found = false;
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return rows.result();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("positions")) {
                    p.skipChildren();
                    continue;
                }
                found = true;
                if (value != JsonToken.START_ARRAY) {
                    rows.findings().error(null, "positions", ErrorKind.UNREADABLE_FILE,
                            "positions must be an array with one object per position.");
                    p.skipChildren();
                    continue;
                }
                if (!readArray(p, rows)) {
                    return rows.result();
                }
            }
        } catch (JsonProcessingException e) {
            rows.findings().error(syntax(e));
            return rows.result();
        }
        if (!found || rows.rows() == 0) {
            rows.findings().error(null, "positions", ErrorKind.EMPTY_FILE, "The upload has no positions: give"
                    + " positions as an array with one object per position.");
        }
        return rows.result();
    }

    private static boolean readArray(JsonParser p, PositionRows rows) throws IOException {
        String[] cells = new String[PositionColumn.all().size()];
        Set<String> reportedUnknown = new HashSet<>();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            if (p.currentToken() != JsonToken.START_OBJECT) {
                rows.findings().error(index, null, ErrorKind.UNREADABLE_FILE, "Position " + index
                        + " must be a JSON object with the position's fields.");
                p.skipChildren();
                if (!rows.unreadableRow(index)) {
                    return false;
                }
                continue;
            }
            Arrays.fill(cells, null);
            int skip = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                PositionColumn column = PositionColumn.byJsonName(name).orElse(null);
                if (column == null) {
                    if (reportedUnknown.size() < 100 && reportedUnknown.add(name)) {
                        if (ClientIdentifierGuard.isIdentifyingColumn(name)) {
                            rows.findings().error(index, name, ErrorKind.CLIENT_IDENTIFIER, "Field '" + name
                                    + "' looks like it identifies a client or an account: "
                                    + ClientIdentifierGuard.ADVICE);
                        } else {
                            rows.findings().error(index, name, ErrorKind.UNKNOWN_COLUMN, rows.unknownColumnMessage(name));
                        }
                    }
                    p.skipChildren();
                    continue;
                }
                if (cells[column.ordinal()] != null || (skip & (1 << column.ordinal())) != 0) {
                    rows.findings().error(index, name, ErrorKind.DUPLICATE_COLUMN, "Field '" + name
                            + "' appears twice in position " + index + ": keep one.");
                    skip |= 1 << column.ordinal();
                    p.skipChildren();
                    continue;
                }
                if (token == JsonToken.VALUE_NULL) {
                    cells[column.ordinal()] = "";
                } else if (token.isScalarValue()) {
                    cells[column.ordinal()] = p.getText();
                } else {
                    rows.findings().error(index, name, ErrorKind.INVALID_FIELD, name + " must be a string or a number.");
                    skip |= 1 << column.ordinal();
                    p.skipChildren();
                }
            }
            for (PositionColumn c : PositionColumn.all()) {
                if (cells[c.ordinal()] == null) {
                    cells[c.ordinal()] = "";
                }
            }
            if (!rows.row(index, cells, skip)) {
                return false;
            }
        }
        return true;
    }

    private static UploadError syntax(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String message = e.getOriginalMessage();
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        if (first.length() > 160) {
            first = first.substring(0, 160) + "…";
        }
        return UploadError.ofFile(ErrorKind.UNREADABLE_FILE, "The JSON is not valid" + where + ": " + first);
    }
}
