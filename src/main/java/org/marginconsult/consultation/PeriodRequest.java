package org.marginconsult.consultation;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * An administrator's request to change a comment period (form fields, or the JSON body of
 * {@code POST /api/v1/admin/consultations/{id}/period/{action}}). Which fields apply depends on the
 * action:
 * <ul>
 * <li>publish: {@code publishedOn}, {@code periodDays}; optionally {@code closingDate}/{@code closingTime}
 *     to override the rule, with {@code overrideReason};</li>
 * <li>extend: {@code closingDate};</li>
 * <li>reopen: {@code publishedOn} (the day the window reopens) and {@code periodDays} or {@code closingDate};</li>
 * <li>close: optionally {@code closingDate}/{@code closingTime} (default: now);</li>
 * <li>correct: {@code closingDate}, or {@code publishedOn} and {@code periodDays} to recompute by rule.</li>
 * </ul>
 * Every action needs the Federal Register {@code citation} and a {@code reason}. A closing time other
 * than 23:59:59 Eastern, or a closing date other than the rule's, needs an {@code overrideReason}.
 *
 * @param expectedEventCount the number of events the preview was made against; the change is refused
 *     if the period changed meanwhile (null skips the check)
 */
public record PeriodRequest(
        String citation,
        String reason,
        LocalDate publishedOn,
        Integer periodDays,
        LocalDate closingDate,
        LocalTime closingTime,
        String overrideReason,
        Integer expectedEventCount) {
}
