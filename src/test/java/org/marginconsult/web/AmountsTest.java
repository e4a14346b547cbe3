package org.marginconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void dollarsAreGroupedUsStyleWithTwoDecimals() {
        assertEquals("1,234,567.50", Amounts.format(new BigDecimal("1234567.5")));
        assertEquals("-0.07", Amounts.format(new BigDecimal("-0.07")));
        assertEquals("0.00", Amounts.format(BigDecimal.ZERO));
    }

    @Test
    void aHalfCentRoundsUpAsTheEngineRoundsNotToEven() {
        assertEquals("0.13", Amounts.format(new BigDecimal("0.125")));
        assertEquals("2.51", Amounts.format(new BigDecimal("2.505")));
    }

    @Test
    void noAmountIsAnEmptyCell() {
        assertEquals("", Amounts.format(null));
    }
}
