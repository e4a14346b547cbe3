package org.marginconsult.portfolio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafeTextTest {

    @Test
    void textStartingLikeAFormulaGetsALeadingApostropheInCsv() {
        assertEquals("'=1+2", SafeText.csvField("=1+2"));
        assertEquals("'+SPY", SafeText.csvField("+SPY"));
        assertEquals("'-X", SafeText.csvField("-X"));
        assertEquals("'@SUM(A1)", SafeText.csvField("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", SafeText.csvField("=HYPERLINK(\"x\",\"y\")"));
    }

    @Test
    void ordinaryTextIsWrittenAsItIsAndQuotedOnlyWhenItMustBe() {
        assertEquals("SPXW 270115C06900", SafeText.csvField("SPXW 270115C06900"));
        assertEquals("\"A,B\"", SafeText.csvField("A,B"));
        assertEquals("", SafeText.csvField(null));
    }
}
