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
}
