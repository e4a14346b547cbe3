package org.marginconsult.comment;

import java.util.Map;

/** Input that cannot be saved or filed, with a message per field (the page shows each next to it). */
public class CommentInputException extends RuntimeException {

    public final Map<String, String> errors;

    public CommentInputException(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public static CommentInputException of(String field, String message) {
        return new CommentInputException(Map.of(field, message));
    }
}
