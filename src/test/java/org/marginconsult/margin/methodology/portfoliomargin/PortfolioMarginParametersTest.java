package org.marginconsult.margin.methodology.portfoliomargin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.methodology.ParameterOverrides.InvalidParametersException;
import org.marginconsult.margin.methodology.ParameterOverrides.ParameterError;
import org.marginconsult.margin.reference.ProductClass;

class PortfolioMarginParametersTest {

    private final PortfolioMarginParameters defaults = PortfolioMarginParameters.defaults();

    /** FINRA 4210(g) / SEC Release 34-46576 ranges and the 15c3-1a offsets, as shipped. */
    @Test
    void defaultsAreTheRulesRangesOffsetsAndMinimum() {
        assertEquals(0.08, defaults.range(ProductClass.HIGH_CAP_BROAD_INDEX).down());
        assertEquals(0.06, defaults.range(ProductClass.HIGH_CAP_BROAD_INDEX).up());
        assertEquals(0.10, defaults.range(ProductClass.OTHER_BROAD_INDEX).down());
        assertEquals(0.15, defaults.range(ProductClass.SINGLE_EQUITY).up());
        assertEquals(0.15, defaults.range(ProductClass.NARROW_INDEX).down());
        assertEquals(0.90, defaults.productGroupOffset().get(ProductClass.HIGH_CAP_BROAD_INDEX));
        assertEquals(0.75, defaults.productGroupOffset().get(ProductClass.OTHER_BROAD_INDEX));
        assertEquals(0.50, defaults.productGroupOffset().get(ProductClass.NARROW_INDEX));
        assertFalse(defaults.formsProductGroup(ProductClass.SINGLE_EQUITY));
        assertEquals(5, defaults.pointsPerSide());
        assertEquals(0.375, defaults.minimumPerContract());
    }

    /** FINRA 4210(e)(2)(A) bands: under 1y 1%, 1-3y 2%, 3-5y 3%, 5-10y 4%, 10-20y 5%, 20y+ 6%. */
    @Test
    void treasuryRatesRiseWithMaturityBand() {
        assertEquals(0.01, defaults.treasuryRate(0.5));
        assertEquals(0.02, defaults.treasuryRate(1.0));
        assertEquals(0.03, defaults.treasuryRate(4.99));
        assertEquals(0.04, defaults.treasuryRate(5.0));
        assertEquals(0.05, defaults.treasuryRate(19.9));
        assertEquals(0.06, defaults.treasuryRate(30));
        PortfolioMarginParameters flat = defaults.withOverrides(Map.of("treasuryRates", Map.of("0", 0.02)));
        assertEquals(0.02, flat.treasuryRate(30));
    }

    @Test
    void theHighCapGridHasTenEquidistantPointsWithoutZero() {
        var moves = PortfolioMargin.grid(defaults, ProductClass.HIGH_CAP_BROAD_INDEX).scenarios().stream()
                .map(s -> s.priceMove()).toList();
        double[] expected = {-0.08, -0.064, -0.048, -0.032, -0.016, 0.012, 0.024, 0.036, 0.048, 0.06};
        assertEquals(10, moves.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], moves.get(i), 1e-15);
        }
    }

    @Test
    void overridesChangeRangesOffsetsAndSwitches() {
        PortfolioMarginParameters p = defaults.withOverrides(Map.of(
                "ranges", Map.of("single_equity", Map.of("down", 0.2)),
                "productGroupOffset", Map.of("HIGH_CAP_BROAD_INDEX", 0.8),
                "volatilityShift", 0.25, "minimumPerContract", "0.5"));

        assertEquals(0.2, p.range(ProductClass.SINGLE_EQUITY).down());
        assertEquals(0.15, p.range(ProductClass.SINGLE_EQUITY).up());
        assertEquals(0.8, p.productGroupOffset().get(ProductClass.HIGH_CAP_BROAD_INDEX));
        assertEquals(0.25, p.volatilityShift());
        assertEquals(0.5, p.minimumPerContract());
        assertEquals(PortfolioMarginParameters.DEFAULT_VERSION + "+override", p.version());
    }

    @Test
    void everyBadOverrideIsReportedWithItsPath() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> defaults.withOverrides(
                Map.of("ranges", Map.of("MEGA_CAP", Map.of("down", 0.1)), "pointsPerSide", "five",
                        "productGroupOffset", Map.of("NARROW_INDEX", 1.5))));

        List<String> fields = e.errors().stream().map(ParameterError::field).toList();
        assertTrue(fields.contains("parameters.ranges.MEGA_CAP"), fields.toString());
        assertTrue(fields.contains("parameters.pointsPerSide"), fields.toString());
        assertEquals(2, e.errors().size(), "the offset is checked once the fields parse: " + fields);
    }

    @Test
    void anOffsetAboveOneIsRefused() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class, () -> defaults.withOverrides(
                Map.of("productGroupOffset", Map.of("NARROW_INDEX", 1.5))));
        assertEquals("parameters", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("NARROW_INDEX"));
    }
}
