package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.marginconsult.margin.support.StrategyFixtures.NEAR;
import static org.marginconsult.margin.support.StrategyFixtures.leg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.methodology.strategy.PairingOptimiser.SpreadUnits;

class ComplexSpreadsTest {

    private final StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());

    private static SpreadUnits spread(LegKind kind, String shortStrike, String longStrike, long units) {
        return new SpreadUnits(leg(kind, "-" + units, shortStrike, "1", "100", NEAR),
                leg(kind, Long.toString(units), longStrike, "1", "100", NEAR), units);
    }

    @Test
    void debitAndCreditCallSpreadsSharingTheShortStrikeAreAButterfly() {
        assertEquals(StrategyKind.LONG_BUTTERFLY, ComplexSpreads.combination(spread(LegKind.CALL, "100", "90", 1),
                spread(LegKind.CALL, "100", "110", 1)));
    }

    @Test
    void putSpreadsWithTheLongsOutsideAreACondor() {
        assertEquals(StrategyKind.LONG_CONDOR, ComplexSpreads.combination(spread(LegKind.PUT, "95", "90", 1),
                spread(LegKind.PUT, "105", "110", 1)));
    }

    @Test
    void putAndCallCreditSpreadsAreAnIronCondorOrButterflyOrABox() {
        assertEquals(StrategyKind.SHORT_IRON_CONDOR, ComplexSpreads.combination(spread(LegKind.PUT, "95", "90", 1),
                spread(LegKind.CALL, "105", "110", 1)));
        assertEquals(StrategyKind.SHORT_IRON_BUTTERFLY, ComplexSpreads.combination(spread(LegKind.PUT, "100", "90", 1),
                spread(LegKind.CALL, "100", "110", 1)));
        assertEquals(StrategyKind.SHORT_BOX, ComplexSpreads.combination(spread(LegKind.PUT, "110", "100", 1),
                spread(LegKind.CALL, "100", "110", 1)));
    }

    @Test
    void spreadsThatLoseInTheSamePlaceFormNothing() {
        // Short put spread above the short call spread without being a box: no recognised combination.
        assertNull(ComplexSpreads.combination(spread(LegKind.PUT, "110", "105", 1), spread(LegKind.CALL, "100", "105", 1)));
        // Longs not outside the shorts.
        assertNull(ComplexSpreads.combination(spread(LegKind.CALL, "110", "100", 1), spread(LegKind.CALL, "95", "105", 1)));
    }

    @Test
    void eachSpreadJoinsAtMostAsManyCombinationsAsItHasUnits() {
        // Two call debit spreads 90/100 and one credit spread 100/110: one butterfly (nil maximum loss) and one
        // debit spread left. Requirement: butterfly 100 + 100 (longs at 1 each) + debit spread's long 100 = 300.
        List<Strategy> out = new ArrayList<>();
        ComplexSpreads.form(List.of(spread(LegKind.CALL, "100", "90", 2), spread(LegKind.CALL, "100", "110", 1)),
                rules, out);
        assertEquals(2, out.size());
        BigDecimal total = out.stream().map(Strategy::initial).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("300").compareTo(total));
        assertEquals(1, out.stream().filter(s -> s.kind() == StrategyKind.LONG_BUTTERFLY).count());
    }
}
