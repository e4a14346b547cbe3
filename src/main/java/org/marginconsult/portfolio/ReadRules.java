package org.marginconsult.portfolio;

import java.time.LocalDate;

/**
 * What an upload is checked against.
 *
 * @param asOf              the portfolio's as-of date: an expiry before it is an error (null: not checked,
 *                          because the as-of date itself is missing or wrong and has its own error)
 * @param maxBytes          the largest file accepted
 * @param maxRows           the most positions accepted
 * @param maxReportedErrors how many errors are kept with their details; all are counted
 */
public record ReadRules(LocalDate asOf, long maxBytes, int maxRows, int maxReportedErrors) {

    /** How many warnings are kept with their details; all are counted. */
    static final int MAX_REPORTED_WARNINGS = 200;

    ReadRules withAsOf(LocalDate date) {
        return new ReadRules(date, maxBytes, maxRows, maxReportedErrors);
    }
}
