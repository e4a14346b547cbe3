package org.marginconsult.impact;

/**
 * One error of a refused request, in the API's JSON: the zero-based position index (null when the error
 * is not about a position), the field and what is wrong.
 */
public record ApiError(Integer position, String field, String message) {

    /** An error about a request field. */
    public static ApiError field(String field, String message) {
        return new ApiError(null, field, message);
    }
}
