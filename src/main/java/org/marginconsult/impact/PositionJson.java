package org.marginconsult.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;

/**
 * Reads one position of a JSON request (the camelCase fields of docs/portfolio-format.md) field by field,
 * so that every value that does not parse gives its own error instead of failing the whole body.
 * Numbers may be JSON numbers or strings and are read as exact decimals.
 */
final class PositionJson {

    /** The fields in contract order, which is also the order errors are reported in. */
    static final List<String> ORDER = List.of("positionId", "account", "instrumentType", "symbol", "underlying",
            "quantity", "multiplier", "price", "underlyingPrice", "optionType", "strike", "expiry", "impliedVol",
            "dv01", "currency");
    static final Set<String> FIELDS = Set.copyOf(ORDER);

    private final int index;
    private final JsonNode node;
    private final List<ApiError> errors;

    private PositionJson(int index, JsonNode node, List<ApiError> errors) {
        this.index = index;
        this.node = node;
        this.errors = errors;
    }

    /**
     * Reads a position, adding an error per field that does not parse or is unknown.
     *
     * @return the position (fields that did not parse are null), or null if the node is not an object
     */
    static Position read(int index, JsonNode node, List<ApiError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new ApiError(index, "position", "each position is a JSON object"));
            return null;
        }
        PositionJson p = new PositionJson(index, node, errors);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new ApiError(index, name, "unknown field; the fields are " + FIELDS.stream().sorted().toList()));
            }
        }
        return new Position(p.text("positionId"), p.enumValue("account", Account.class),
                p.enumValue("instrumentType", InstrumentType.class), p.text("symbol"), p.text("underlying"),
                p.number("quantity"), p.number("multiplier"), p.number("price"), p.number("underlyingPrice"),
                p.enumValue("optionType", OptionType.class), p.number("strike"), p.date("expiry"),
                p.number("impliedVol"), p.number("dv01"), p.text("currency"));
    }

    private JsonNode value(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        return v;
    }

    private String text(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            errors.add(new ApiError(index, field, field + " must be a string"));
            return null;
        }
        return v.asText().strip();
    }

    private BigDecimal number(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().strip());
            } catch (NumberFormatException e) {
                errors.add(new ApiError(index, field, field + " must be a decimal number, got '" + v.asText() + "'"));
                return null;
            }
        }
        errors.add(new ApiError(index, field, field + " must be a decimal number"));
        return null;
    }

    private LocalDate date(String field) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.asText().strip());
        } catch (DateTimeParseException e) {
            errors.add(new ApiError(index, field, field + " must be an ISO date (YYYY-MM-DD), got '" + v.asText() + "'"));
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiError(index, field, field + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", got '" + text + "'"));
            return null;
        }
    }
}
