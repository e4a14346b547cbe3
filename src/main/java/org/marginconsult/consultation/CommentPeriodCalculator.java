package org.marginconsult.consultation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The closing date of a federal comment period, by the usual rule: count N calendar days from the day
 * after Federal Register publication; if day N is a Saturday, Sunday or an observed federal holiday
 * ({@link FederalHolidays}), the period runs to the next federal business day. The period closes at
 * 11:59:59 pm US Eastern time (America/New_York) on that date, which is what Regulations.gov stores
 * as the comment end instant (e.g. {@code 2022-05-10T03:59:59Z} under daylight saving time).
 *
 * <p>Example: published Tuesday 30 June 2026 with a 60-day period, day 60 is Saturday 29 August, so
 * the period closes on Monday 31 August 2026 at 23:59:59 EDT, the instant 2026-09-01T03:59:59Z.
 *
 * <p>Pure functions of their arguments; no clock, no I/O.
 */
public final class CommentPeriodCalculator {

    /** The time zone in which federal comment deadlines are stated. */
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");
    /** The last second on the closing date at which a comment is still on time. */
    public static final LocalTime CLOSING_TIME = LocalTime.of(23, 59, 59);
    /** The longest period the application accepts: a year covers every request for comment seen. */
    public static final int MAX_PERIOD_DAYS = 366;

    /**
     * A computed closing date and why it is what it is.
     *
     * @param publishedOn the Federal Register publication date
     * @param periodDays the N of "N days after publication"
     * @param dayN the calendar day N days after publication
     * @param closingDate the first federal business day on or after {@code dayN}
     * @param closesAt the instant of 23:59:59 Eastern time on {@code closingDate}
     * @param skipped the days passed over, each with its reason ("Saturday", "Labor Day"), in order
     */
    public record ComputedDeadline(LocalDate publishedOn, int periodDays, LocalDate dayN, LocalDate closingDate,
            Instant closesAt, List<SkippedDay> skipped) {

        public boolean wasRolledForward() {
            return !skipped.isEmpty();
        }
    }

    /** A day that cannot be a closing date, and why. */
    public record SkippedDay(LocalDate day, String reason) {
    }

    private CommentPeriodCalculator() {
    }

    /**
     * The closing date and instant of a period of {@code periodDays} days after {@code publishedOn}.
     *
     * @throws IllegalArgumentException if the period is not between 1 and {@value #MAX_PERIOD_DAYS} days
     */
    public static ComputedDeadline compute(LocalDate publishedOn, int periodDays) {
        if (periodDays < 1 || periodDays > MAX_PERIOD_DAYS) {
            throw new IllegalArgumentException("A comment period lasts from 1 to " + MAX_PERIOD_DAYS
                    + " days; " + periodDays + " is out of range");
        }
        LocalDate dayN = publishedOn.plusDays(periodDays);
        List<SkippedDay> skipped = new ArrayList<>();
        LocalDate closing = dayN;
        while (!isBusinessDay(closing)) {
            skipped.add(new SkippedDay(closing, whyNotABusinessDay(closing)));
            closing = closing.plusDays(1);
        }
        return new ComputedDeadline(publishedOn, periodDays, dayN, closing, endOfDayEastern(closing),
                List.copyOf(skipped));
    }

    /** A weekday on which federal offices are open: neither a weekend nor an observed federal holiday. */
    public static boolean isBusinessDay(LocalDate day) {
        return !isWeekend(day) && !FederalHolidays.isObservedHoliday(day);
    }

    /** 23:59:59 Eastern time on {@code date}, as an instant; daylight saving time decides the offset. */
    public static Instant endOfDayEastern(LocalDate date) {
        return date.atTime(CLOSING_TIME).atZone(EASTERN).toInstant();
    }

    /** Midnight at the start of {@code date} in Eastern time, as an instant. */
    public static Instant startOfDayEastern(LocalDate date) {
        return date.atStartOfDay(EASTERN).toInstant();
    }

    /** The calendar date in Eastern time of {@code instant}. */
    public static LocalDate easternDate(Instant instant) {
        return instant.atZone(EASTERN).toLocalDate();
    }

    /**
     * Why federal offices are closed on {@code day} (a weekend day or the observed holiday's name), or
     * empty on a business day: a closing date an administrator enters is checked against it.
     */
    public static Optional<String> closedBecause(LocalDate day) {
        return isBusinessDay(day) ? Optional.empty() : Optional.of(whyNotABusinessDay(day));
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String whyNotABusinessDay(LocalDate day) {
        if (isWeekend(day)) {
            return day.getDayOfWeek() == DayOfWeek.SATURDAY ? "Saturday" : "Sunday";
        }
        FederalHolidays.Holiday holiday = FederalHolidays.observedOn(day).orElseThrow();
        return holiday.isObservedOnAnotherDay() ? holiday.name() + " (observed)" : holiday.name();
    }
}
