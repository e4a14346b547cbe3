package org.marginconsult.margin.methodology.span;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.methodology.ParameterOverrides.InvalidParametersException;
import org.marginconsult.margin.methodology.ParameterOverrides.ParameterError;
import org.marginconsult.margin.scenario.VolShiftKind;

class SpanParametersTest {

    private final SpanParameters defaults = SpanDefaults.parameters();

    @Test
    void overridesChangeOnlyTheFieldsTheyNameAndMarkTheVersion() {
        SpanParameters p = defaults.withOverrides(Map.of("extremeMoveMultiple", 3, "extremeMoveWeight", 0.33,
                "volatilityShocks", false, "timeDecayDays", 0,
                "combinedCommodities", Map.of("ES", Map.of("priceScanRange", 15000, "volatilityScanMode", "absolute"))));

        assertEquals(3.0, p.extremeMoveMultiple());
        assertEquals(0.33, p.extremeMoveWeight());
        assertFalse(p.volatilityShocks());
        assertEquals(0, p.timeDecayDays());
        assertEquals(15000.0, p.combinedCommodity("ES").priceScanRange());
        assertEquals(VolShiftKind.ABSOLUTE, p.combinedCommodity("ES").volatilityScanMode());
        assertEquals(defaults.combinedCommodity("ES").contractMultiplier(), p.combinedCommodity("ES").contractMultiplier());
        assertEquals(defaults.combinedCommodity("NQ"), p.combinedCommodity("NQ"));
        assertEquals(SpanDefaults.VERSION + "+override", p.version());
        assertNotEquals(defaults.canonicalForm(), p.canonicalForm());
    }

    @Test
    void noOverridesReturnTheSameParameters() {
        assertSame(defaults, defaults.withOverrides(Map.of()));
        assertSame(defaults, defaults.withOverrides(null));
    }

    @Test
    void aNewCombinedCommodityNeedsItsMultiplierAndScanRange() {
        SpanParameters p = defaults.withOverrides(Map.of("combinedCommodities",
                Map.of("CL", Map.of("contractMultiplier", 1000, "priceScanRange", 6000))));
        assertEquals(6000.0, p.combinedCommodity("CL").priceScanRange());

        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> defaults.withOverrides(
                Map.of("combinedCommodities", Map.of("CL", Map.of("priceScanRange", 6000)))));
        assertEquals("parameters.combinedCommodities.CL", e.errors().get(0).field());
    }

    @Test
    void anEmptySpreadListTurnsCreditsOffAndAListReplacesThem() {
        assertTrue(defaults.withOverrides(Map.of("interCommoditySpreads", List.of())).interCommoditySpreads().isEmpty());

        SpanParameters p = defaults.withOverrides(Map.of("interCommoditySpreads", List.of(Map.of("legA", "ES",
                "ratioA", 1, "legB", "NQ", "ratioB", 1, "style", "SCANNING", "rate", 0.5))));

        assertEquals(1, p.interCommoditySpreads().size());
        assertEquals(InterCommoditySpread.Style.SCANNING, p.interCommoditySpreads().get(0).style());
    }

    @Test
    void everyBadFieldIsReportedWithItsPath() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> defaults.withOverrides(
                Map.of("extremeMoveWeight", "heavy", "volatilityShock", true, "timeDecayDays", 1.5,
                        "combinedCommodities", Map.of("ES", Map.of("priceScanRange", -1)))));

        List<String> fields = e.errors().stream().map(ParameterError::field).toList();
        assertTrue(fields.contains("parameters.extremeMoveWeight"), fields.toString());
        assertTrue(fields.contains("parameters.volatilityShock"), fields.toString());
        assertTrue(fields.contains("parameters.timeDecayDays"), fields.toString());
        assertTrue(fields.contains("parameters.combinedCommodities.ES"), fields.toString());
        assertEquals(4, e.errors().size());
    }

    @Test
    void valuesTheRuleCannotUseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> defaults.withExtremeMove(2, 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withHrpInitialRatio(0.9));
        assertThrows(IllegalArgumentException.class, () -> defaults.withPriceScanRangeScale(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimeDecayDays(-1));
    }

    @Test
    void theParameterSetIdIsItsIdAndVersion() {
        assertEquals(SpanDefaults.ID, defaults.parameterSetId().id());
        assertEquals(SpanDefaults.VERSION, defaults.parameterSetId().version());
    }
}
