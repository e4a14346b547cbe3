package org.marginconsult.impact;

import java.util.Map;

/** A run request with bad fields: one message per field, nothing stored. */
public class InvalidRunRequestException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidRunRequestException(Map<String, String> errors) {
        super("The run request is not valid: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Messages by field name (portfolio, consultation, proposals, securitiesRegime). */
    public Map<String, String> errors() {
        return errors;
    }
}
