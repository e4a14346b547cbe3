package org.marginconsult.margin;

import java.util.List;

/**
 * Thrown by a {@link Methodology} given positions that fail {@link PositionValidator}; carries one
 * {@link FieldError} per bad field so the caller can report them all.
 */
public final class InvalidPortfolioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The field errors, never empty. */
    private final transient List<FieldError> errors;

    /**
     * @param errors the field errors, not empty
     */
    public InvalidPortfolioException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s), first: position " + errors.get(0).positionIndex() + " "
                + errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    /** The field errors, one per bad field. */
    public List<FieldError> errors() {
        return errors;
    }
}
