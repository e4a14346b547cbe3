package org.marginconsult.margin;

/**
 * One bad field of one position, reported by {@link PositionValidator}.
 *
 * @param positionIndex zero-based index of the position in the list that was validated
 * @param field         the field's name as in {@link Position} (camelCase, e.g. {@code impliedVol})
 * @param message       what is wrong and what is expected, in words a risk manager understands
 */
public record FieldError(int positionIndex, String field, String message) {
}
