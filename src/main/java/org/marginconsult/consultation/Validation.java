package org.marginconsult.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects field errors while checking input, then throws them all at once. */
final class Validation {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** The trimmed value, or null when blank; records an error when required and blank or too long. */
    String text(String field, String value, boolean required, int maxLength) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                error(field, "Required.");
            }
            return null;
        }
        if (trimmed.length() > maxLength) {
            error(field, "At most " + maxLength + " characters (this is " + trimmed.length() + ").");
        }
        return trimmed;
    }

    String matching(String field, String value, boolean required, int maxLength, Pattern pattern, String expected) {
        String trimmed = text(field, value, required, maxLength);
        if (trimmed != null && !pattern.matcher(trimmed).matches()) {
            error(field, "Expected " + expected + "; got \"" + trimmed + "\".");
        }
        return trimmed;
    }

    void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    Map<String, String> errors() {
        return new LinkedHashMap<>(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
