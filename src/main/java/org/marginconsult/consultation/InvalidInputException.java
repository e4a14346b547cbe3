package org.marginconsult.consultation;

import jakarta.ws.rs.BadRequestException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input that cannot be accepted, with one message per field (keys are the form's field names, or
 * JSON paths such as {@code sections[2].questions[0].text}). Nothing was written when it is thrown.
 */
public class InvalidInputException extends BadRequestException {

    private final Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super(summary(errors));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** Field name to message, in the order the problems were found. */
    public Map<String, String> errors() {
        return errors;
    }

    private static String summary(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
