package org.marginconsult.consultation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FederalHolidaysTest {

    @Test
    void the2026HolidaysAndTheDaysTheyAreObserved() {
        assertEquals(List.of(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3),
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 11),
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25)),
                observedDates(2026));
    }

    @Test
    void the2027HolidaysAndTheDaysTheyAreObserved() {
        assertEquals(List.of(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15),
                LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 18), LocalDate.of(2027, 7, 5),
                LocalDate.of(2027, 9, 6), LocalDate.of(2027, 10, 11), LocalDate.of(2027, 11, 11),
                LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24)),
                observedDates(2027));
    }

    @ParameterizedTest(name = "{0} is observed for {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2027-12-31 | New Year's Day
            2022-01-17 | Birthday of Martin Luther King, Jr.
            2021-06-18 | Juneteenth National Independence Day
            2020-11-26 | Thanksgiving Day
            2023-11-10 | Veterans Day
            """)
    void aHolidayOnAWeekendIsObservedOnTheNearestWeekday(LocalDate day, String holiday) {
        assertEquals(holiday, FederalHolidays.observedOn(day).orElseThrow().name());
    }

    @Test
    void juneteenthIsNotAHolidayBefore2021() {
        assertFalse(FederalHolidays.isObservedHoliday(LocalDate.of(2020, 6, 19)));
        assertTrue(FederalHolidays.isObservedHoliday(LocalDate.of(2025, 6, 19)));
    }

    @Test
    void theWeekendDayItselfIsNotTheObservedDay() {
        assertFalse(FederalHolidays.isObservedHoliday(LocalDate.of(2026, 7, 4)));
        assertTrue(FederalHolidays.isObservedHoliday(LocalDate.of(2026, 7, 3)));
    }

    @Test
    void yearsBeforeTheEncodedRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FederalHolidays.of(1977));
    }

    private static List<LocalDate> observedDates(int year) {
        return FederalHolidays.of(year).stream().map(FederalHolidays.Holiday::observed).toList();
    }
}
