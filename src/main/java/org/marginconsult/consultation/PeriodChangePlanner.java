package org.marginconsult.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.marginconsult.consultation.CommentPeriodCalculator.CLOSING_TIME;
import static org.marginconsult.consultation.CommentPeriodCalculator.EASTERN;

/**
 * Works out and checks a change to a comment period against its history and the current instant,
 * without writing anything: the rules of what may follow what (an extension only before the close, a
 * reopening only after it), and the arithmetic of the new instants. Pure; the service records the result.
 */
final class PeriodChangePlanner {

    private PeriodChangePlanner() {
    }

    static PeriodPlan plan(List<PeriodEvent> events, int defaultPeriodDays, PeriodAction action, PeriodRequest r,
            Instant now) {
        CommentPeriod period = CommentPeriod.of(events);
        ConsultationStatus status = period.statusAt(now);
        checkState(action, period, status);

        Validation v = new Validation();
        String citation = v.text("citation", r.citation(), true, 200);
        String reason = v.text("reason", r.reason(), true, 2000);
        String overrideReason = v.text("overrideReason", r.overrideReason(), false, 2000);
        Instant nowSecond = now.truncatedTo(ChronoUnit.SECONDS);
        LocalTime time = r.closingTime() == null ? CLOSING_TIME : r.closingTime().truncatedTo(ChronoUnit.SECONDS);
        boolean overridden = !time.equals(CLOSING_TIME);
        Instant previousClose = period.closesAt().orElse(null);

        Instant opensAt = null;
        Instant closesAt = null;
        LocalDate publishedOn = null;
        Integer periodDays = null;
        CommentPeriodCalculator.ComputedDeadline computed = null;

        switch (action) {
            case PUBLISH -> {
                publishedOn = required(v, "publishedOn", r.publishedOn(), "the Federal Register publication date");
                periodDays = r.periodDays() == null ? defaultPeriodDays : r.periodDays();
                if (!validDays(v, periodDays) || publishedOn == null) {
                    break;
                }
                computed = CommentPeriodCalculator.compute(publishedOn, periodDays);
                LocalDate closingDate = r.closingDate() == null ? computed.closingDate() : r.closingDate();
                closesAt = at(closingDate, time);
                overridden |= !closesAt.equals(computed.closesAt());
                opensAt = CommentPeriodCalculator.startOfDayEastern(publishedOn);
                if (!closesAt.isAfter(opensAt)) {
                    v.error("closingDate", "The period must close after it opens (" + DeadlineDisplay.eastern(opensAt) + ").");
                }
            }
            case EXTEND -> {
                LocalDate closingDate = required(v, "closingDate", r.closingDate(), "the new closing date");
                if (closingDate == null) {
                    break;
                }
                closesAt = at(closingDate, time);
                if (!closesAt.isAfter(previousClose)) {
                    v.error("closingDate", "An extension must close later than the current close, "
                            + DeadlineDisplay.eastern(previousClose) + ".");
                }
            }
            case REOPEN -> {
                publishedOn = required(v, "publishedOn", r.publishedOn(), "the date the period reopens (the reopening notice's publication date)");
                periodDays = r.periodDays();
                if (periodDays != null && !validDays(v, periodDays)) {
                    break;
                }
                if (publishedOn == null) {
                    break;
                }
                if (publishedOn.isBefore(CommentPeriodCalculator.easternDate(previousClose))) {
                    v.error("publishedOn", "A reopening cannot start before the period closed ("
                            + DeadlineDisplay.eastern(previousClose) + ").");
                    break;
                }
                if (periodDays != null) {
                    computed = CommentPeriodCalculator.compute(publishedOn, periodDays);
                }
                LocalDate closingDate = r.closingDate() != null ? r.closingDate()
                        : computed != null ? computed.closingDate() : null;
                if (closingDate == null) {
                    v.error("closingDate", "Give the closing date of the reopened period, or its length in days after the reopening.");
                    break;
                }
                closesAt = at(closingDate, time);
                overridden |= computed != null && !closesAt.equals(computed.closesAt());
                Instant startOfDay = CommentPeriodCalculator.startOfDayEastern(publishedOn);
                opensAt = startOfDay.isAfter(nowSecond) ? startOfDay : nowSecond;
                if (!closesAt.isAfter(opensAt)) {
                    v.error("closingDate", "The reopened period must close after it opens ("
                            + DeadlineDisplay.eastern(opensAt) + ").");
                }
            }
            case CLOSE -> {
                if (r.closingDate() == null) {
                    // The last on-time second is the one before this request: from now on comments are late.
                    closesAt = nowSecond.minusSeconds(1);
                    overridden = false;
                } else {
                    closesAt = at(r.closingDate(), time);
                    if (closesAt.isBefore(nowSecond)) {
                        v.error("closingDate", "An early close cannot be in the past; leave the date empty to close now.");
                    } else if (!closesAt.isBefore(previousClose)) {
                        v.error("closingDate", "An early close must be before the current close, "
                                + DeadlineDisplay.eastern(previousClose) + ".");
                    }
                }
            }
            case CORRECT -> {
                CommentPeriod.Window current = period.currentWindow().orElseThrow();
                publishedOn = r.publishedOn();
                periodDays = r.periodDays();
                if (periodDays != null && !validDays(v, periodDays)) {
                    break;
                }
                if (periodDays != null && publishedOn == null) {
                    v.error("publishedOn", "To recompute the close from a period length, give the publication date too.");
                    break;
                }
                if (publishedOn != null) {
                    opensAt = CommentPeriodCalculator.startOfDayEastern(publishedOn);
                    if (periodDays != null) {
                        computed = CommentPeriodCalculator.compute(publishedOn, periodDays);
                    }
                }
                LocalDate closingDate = r.closingDate() != null ? r.closingDate()
                        : computed != null ? computed.closingDate()
                        : r.closingTime() != null ? CommentPeriodCalculator.easternDate(current.closesAt()) : null;
                if (closingDate == null && opensAt == null) {
                    v.error("closingDate", "Give the corrected closing date, or the corrected publication date (and period length).");
                    break;
                }
                closesAt = closingDate == null ? current.closesAt() : at(closingDate, time);
                overridden = closingDate != null && (!time.equals(CLOSING_TIME)
                        || computed != null && !closesAt.equals(computed.closesAt()));
                Instant effectiveOpen = opensAt == null ? current.opensAt() : opensAt;
                if (!closesAt.isAfter(effectiveOpen)) {
                    v.error("closingDate", "The period must close after it opens (" + DeadlineDisplay.eastern(effectiveOpen) + ").");
                } else if (closesAt.equals(current.closesAt()) && effectiveOpen.equals(current.opensAt())) {
                    v.error("closingDate", "These are the current opening and closing instants: there is nothing to correct.");
                }
            }
        }
        if (overridden && overrideReason == null && !v.has("overrideReason")) {
            v.error("overrideReason", "The closing instant differs from "
                    + (computed != null ? "what the rule gives (" + DeadlineDisplay.eastern(computed.closesAt()) + ")"
                            : "11:59:59 pm Eastern")
                    + ": give the reason for the override.");
        }
        v.throwIfAny();

        PeriodEvent candidate = new PeriodEvent();
        candidate.seq = events.size() + 1;
        candidate.type = action.eventType();
        candidate.opensAt = opensAt;
        candidate.closesAt = closesAt;
        candidate.publishedOn = publishedOn;
        candidate.periodDays = periodDays;
        List<PeriodEvent> after = new ArrayList<>(events);
        after.add(candidate);
        ConsultationStatus statusAfter = CommentPeriod.of(after).statusAt(now);
        return new PeriodPlan(action, citation, reason, previousClose, opensAt, closesAt, publishedOn, periodDays,
                computed, overridden ? overrideReason : null, status, statusAfter, events.size());
    }

    private static void checkState(PeriodAction action, CommentPeriod period, ConsultationStatus status) {
        String closed = period.closesAt().map(DeadlineDisplay::eastern).orElse("");
        switch (action) {
            case PUBLISH -> {
                if (status != ConsultationStatus.DRAFT) {
                    throw new PeriodConflictException("This consultation is already published. To change its dates,"
                            + " record a correction.");
                }
            }
            case EXTEND -> {
                requirePublished(status);
                if (status == ConsultationStatus.CLOSED) {
                    throw new PeriodConflictException("The period closed on " + closed + ". A change after the"
                            + " close is a reopening, not an extension.");
                }
            }
            case REOPEN -> {
                requirePublished(status);
                if (status != ConsultationStatus.CLOSED) {
                    throw new PeriodConflictException("The period has not closed (it closes on " + closed + ")."
                            + " To give more time, extend it.");
                }
            }
            case CLOSE -> {
                requirePublished(status);
                if (status == ConsultationStatus.UPCOMING) {
                    throw new PeriodConflictException("The period has not opened yet. To change its dates, record"
                            + " a correction.");
                }
                if (status == ConsultationStatus.CLOSED) {
                    throw new PeriodConflictException("The period already closed on " + closed + ".");
                }
            }
            case CORRECT -> requirePublished(status);
        }
    }

    private static void requirePublished(ConsultationStatus status) {
        if (status == ConsultationStatus.DRAFT) {
            throw new PeriodConflictException("This consultation is a draft: publish it first.");
        }
    }

    private static <T> T required(Validation v, String field, T value, String what) {
        if (value == null) {
            v.error(field, "Required: " + what + ".");
        }
        return value;
    }

    private static boolean validDays(Validation v, int days) {
        if (days < 1 || days > CommentPeriodCalculator.MAX_PERIOD_DAYS) {
            v.error("periodDays", "A comment period lasts from 1 to " + CommentPeriodCalculator.MAX_PERIOD_DAYS + " days.");
            return false;
        }
        return true;
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(EASTERN).toInstant();
    }
}
