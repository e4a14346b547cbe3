package org.marginconsult.impact;

import java.util.List;

/** A calculation request that cannot be served as sent; carries one error per bad field. */
public class MarginRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ApiError> errors;

    public MarginRequestException(List<ApiError> errors) {
        super(errors.size() + " error(s) in the request");
        this.errors = List.copyOf(errors);
    }

    public List<ApiError> errors() {
        return errors;
    }
}
