package org.marginconsult.web;

import com.fasterxml.jackson.databind.JsonMappingException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Words for where a JSON body went wrong and what the field expects, for {@link ErrorPages} and the API. */
public final class JsonErrors {

    private static final int MAX_ECHO = 80;

    private JsonErrors() {
    }

    /** {@code answers[0].confidential} for the path Jackson reports. */
    static String path(List<JsonMappingException.Reference> references) {
        return path("", references);
    }

    /**
     * The path Jackson reports under {@code root}: {@code parameters.credits[0].rate}.
     *
     * @param root the field the value was read from, or empty
     */
    public static String path(String root, List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder(root);
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What a value of the target type looks like, in the words of a reader of docs/api.md. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another shape";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalTime.class) {
            return "a time of day (HH:MM)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO date and time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** A value or parser message short enough to quote back. */
    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ECHO ? oneLine : oneLine.substring(0, MAX_ECHO) + "...";
    }
}
