package org.marginconsult.consultation;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a consultation stands at a given instant, derived from its comment period and the clock;
 * never stored.
 */
public enum ConsultationStatus {
    /** Not published: no OPEN event yet. Only administrators see it. */
    DRAFT,
    /** Published with a publication date still to come. */
    UPCOMING,
    /** Inside the original window (possibly extended). */
    OPEN,
    /** After the close of the last window, or between a close and a reopening. */
    CLOSED,
    /** Inside a window opened by a REOPEN event. */
    REOPENED;

    /** Lower case, as the API and the CSS classes spell it. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case UPCOMING -> "Upcoming";
            case OPEN -> "Open for comment";
            case CLOSED -> "Closed";
            case REOPENED -> "Reopened for comment";
        };
    }

    /** Whether comments received now are on time. */
    public boolean acceptsComments() {
        return this == OPEN || this == REOPENED;
    }
}
