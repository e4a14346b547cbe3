package org.marginconsult.consultation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The legal public holidays of the United States government, computed by rule rather than read from
 * a per-year list, with the dates on which federal offices observe them.
 *
 * <p>The holidays are those of 5 U.S.C. 6103(a) as in force since 2021 (Juneteenth was added by
 * Pub. L. 117-17). A holiday that falls on a Saturday is observed on the Friday before (5 U.S.C.
 * 6103(b)(1)); one that falls on a Sunday is observed on the Monday after (Executive Order 11582,
 * section 3(a)). So New Year's Day 2028, a Saturday, is observed on Friday 31 December 2027.
 *
 * <p>Not included: Inauguration Day, a holiday only for employees in the Washington, D.C. area
 * (5 U.S.C. 6103(c)), and days closed by a one-off executive order; an administrator who must honour
 * such a day overrides the computed closing date with a reason.
 *
 * <p>Valid from 1978 (Veterans Day back on 11 November); Martin Luther King, Jr.'s birthday from 1986
 * and Juneteenth from 2021, the years they became holidays. Immutable and thread-safe.
 */
public final class FederalHolidays {

    /** The first year whose holidays follow the rules encoded here. */
    public static final int FIRST_SUPPORTED_YEAR = 1978;

    /**
     * One holiday of one year.
     *
     * @param name the holiday's name as 5 U.S.C. 6103(a) gives it
     * @param date the calendar date the holiday falls on
     * @param observed the weekday federal offices close for it (equal to {@code date} on a weekday)
     */
    public record Holiday(String name, LocalDate date, LocalDate observed) {

        public boolean isObservedOnAnotherDay() {
            return !observed.equals(date);
        }
    }

    private FederalHolidays() {
    }

    /** The holidays falling in {@code year}, in calendar order, each with its observed date. */
    public static List<Holiday> of(int year) {
        if (year < FIRST_SUPPORTED_YEAR) {
            throw new IllegalArgumentException("Federal holidays are computed from " + FIRST_SUPPORTED_YEAR
                    + " on; " + year + " is earlier");
        }
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(holiday("New Year's Day", LocalDate.of(year, Month.JANUARY, 1)));
        if (year >= 1986) {
            holidays.add(holiday("Birthday of Martin Luther King, Jr.", nthMonday(year, Month.JANUARY, 3)));
        }
        holidays.add(holiday("Washington's Birthday", nthMonday(year, Month.FEBRUARY, 3)));
        holidays.add(holiday("Memorial Day", LocalDate.of(year, Month.MAY, 1)
                .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))));
        if (year >= 2021) {
            holidays.add(holiday("Juneteenth National Independence Day", LocalDate.of(year, Month.JUNE, 19)));
        }
        holidays.add(holiday("Independence Day", LocalDate.of(year, Month.JULY, 4)));
        holidays.add(holiday("Labor Day", nthMonday(year, Month.SEPTEMBER, 1)));
        holidays.add(holiday("Columbus Day", nthMonday(year, Month.OCTOBER, 2)));
        holidays.add(holiday("Veterans Day", LocalDate.of(year, Month.NOVEMBER, 11)));
        holidays.add(holiday("Thanksgiving Day", LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY))));
        holidays.add(holiday("Christmas Day", LocalDate.of(year, Month.DECEMBER, 25)));
        return List.copyOf(holidays);
    }

    /**
     * The holiday federal offices observe on {@code day}, if any. Looks at the next year too, since
     * New Year's Day on a Saturday is observed on 31 December of the year before.
     */
    public static Optional<Holiday> observedOn(LocalDate day) {
        int year = day.getYear();
        return java.util.stream.Stream.concat(of(year).stream(), of(year + 1).stream())
                .filter(h -> h.observed().equals(day))
                .min(Comparator.comparing(Holiday::date));
    }

    public static boolean isObservedHoliday(LocalDate day) {
        return observedOn(day).isPresent();
    }

    private static Holiday holiday(String name, LocalDate date) {
        LocalDate observed = switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
        return new Holiday(name, date, observed);
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
