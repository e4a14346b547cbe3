package org.marginconsult.consultation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommentPeriodCalculatorTest {

    @ParameterizedTest(name = "{0}: published {1} + {2} days -> {4}, closes {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                              | published  | days | day N      | closing    | closes at (UTC)      | days passed over
            worked example 1: day 60 is a Tuesday               | 2026-06-26 | 60   | 2026-08-25 | 2026-08-25 | 2026-08-26T03:59:59Z | ''
            worked example 2: day 60 is a Saturday              | 2026-06-30 | 60   | 2026-08-29 | 2026-08-31 | 2026-09-01T03:59:59Z | Saturday;Sunday
            worked example 3: weekend then Labor Day            | 2026-07-07 | 60   | 2026-09-05 | 2026-09-08 | 2026-09-09T03:59:59Z | Saturday;Sunday;Labor Day
            published in daylight time, closes in standard time | 2026-10-02 | 30   | 2026-11-01 | 2026-11-02 | 2026-11-03T04:59:59Z | Sunday
            published in standard time, closes in daylight time | 2027-01-15 | 60   | 2027-03-16 | 2027-03-16 | 2027-03-17T03:59:59Z | ''
            New Year's Day on a Saturday is observed on Friday   | 2021-11-01 | 60   | 2021-12-31 | 2022-01-03 | 2022-01-04T04:59:59Z | New Year's Day (observed);Saturday;Sunday
            New Year's Day on a Sunday is observed on Monday     | 2022-12-02 | 30   | 2023-01-01 | 2023-01-03 | 2023-01-04T04:59:59Z | Sunday;New Year's Day (observed)
            July 4 on a Saturday is observed on Friday 3 July    | 2026-05-04 | 60   | 2026-07-03 | 2026-07-06 | 2026-07-07T03:59:59Z | Independence Day (observed);Saturday;Sunday
            July 4 on a Sunday is observed on Monday 5 July      | 2027-05-05 | 60   | 2027-07-04 | 2027-07-06 | 2027-07-07T03:59:59Z | Sunday;Independence Day (observed)
            Thanksgiving moves the close to the Friday after    | 2026-10-27 | 30   | 2026-11-26 | 2026-11-27 | 2026-11-28T04:59:59Z | Thanksgiving Day
            30-day period: the 2020 portfolio margining request | 2020-11-05 | 30   | 2020-12-05 | 2020-12-07 | 2020-12-08T04:59:59Z | Saturday;Sunday
            the 2026 seed: day 60 is New Year's Day 2027         | 2026-11-02 | 60   | 2027-01-01 | 2027-01-04 | 2027-01-05T04:59:59Z | New Year's Day;Saturday;Sunday
            """)
    void closingDateFollowsTheRule(String description, LocalDate published, int days, LocalDate dayN,
            LocalDate closing, Instant closesAt, String passedOver) {
        var deadline = CommentPeriodCalculator.compute(published, days);

        assertEquals(dayN, deadline.dayN(), "day N");
        assertEquals(closing, deadline.closingDate(), "closing date");
        assertEquals(closesAt, deadline.closesAt(), "closing instant");
        assertEquals(passedOver.isEmpty() ? List.of() : List.of(passedOver.split(";")),
                deadline.skipped().stream().map(CommentPeriodCalculator.SkippedDay::reason).toList(),
                "days passed over");
    }

    @Test
    void closingInstantIsOneSecondBeforeMidnightEasternOnBothSidesOfDaylightSaving() {
        assertEquals(Instant.parse("2026-07-16T03:59:59Z"),
                CommentPeriodCalculator.endOfDayEastern(LocalDate.of(2026, 7, 15)));
        assertEquals(Instant.parse("2026-12-16T04:59:59Z"),
                CommentPeriodCalculator.endOfDayEastern(LocalDate.of(2026, 12, 15)));
    }

    @Test
    void theDayOfTheFallBackChangeStillClosesAt235959LocalTime() {
        // 1 November 2026 has 25 hours in New York: the close is 04:59:59Z, not 03:59:59Z.
        assertEquals(Instant.parse("2026-11-02T04:59:59Z"),
                CommentPeriodCalculator.endOfDayEastern(LocalDate.of(2026, 11, 1)));
        assertEquals(Instant.parse("2026-11-01T04:00:00Z"),
                CommentPeriodCalculator.startOfDayEastern(LocalDate.of(2026, 11, 1)));
    }

    @Test
    void aPeriodOfZeroOrNegativeDaysIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> CommentPeriodCalculator.compute(LocalDate.of(2026, 6, 26), 0));
        assertTrue(refused.getMessage().contains("from 1 to 366 days"), refused.getMessage());
    }

    @Test
    void theDayAfterThanksgivingIsABusinessDayButThanksgivingIsNot() {
        assertFalse(CommentPeriodCalculator.isBusinessDay(LocalDate.of(2026, 11, 26)));
        assertTrue(CommentPeriodCalculator.isBusinessDay(LocalDate.of(2026, 11, 27)));
    }
}
