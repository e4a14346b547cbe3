package org.marginconsult.consultation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A change to a comment period worked out and checked, before it is recorded: what the confirmation
 * step shows (in Eastern time and UTC) and what the event will hold.
 *
 * @param computed what the "N days after publication" rule gives, when the change used it (else null)
 * @param statusBefore the status now, before the change
 * @param statusAfter the status now, once the change is recorded
 */
public record PeriodPlan(
        PeriodAction action,
        String citation,
        String reason,
        Instant previousClosesAt,
        Instant opensAt,
        Instant closesAt,
        LocalDate publishedOn,
        Integer periodDays,
        CommentPeriodCalculator.ComputedDeadline computed,
        String overrideReason,
        ConsultationStatus statusBefore,
        ConsultationStatus statusAfter,
        int eventCountBefore) {

    public boolean isOverride() {
        return overrideReason != null;
    }

    /**
     * Why federal offices are closed on the new closing day (Eastern), or null on a business day. The rule
     * moves a computed deadline off such a day; a date entered from a Federal Register document is kept as
     * entered, but the administrator is shown this to check it against the document.
     */
    public String closingDayClosedBecause() {
        return closesAt == null ? null : CommentPeriodCalculator.closedBecause(closingDay()).orElse(null);
    }

    /** The calendar day, in Eastern time, on which the period closes. */
    public LocalDate closingDay() {
        return CommentPeriodCalculator.easternDate(closesAt);
    }
}
