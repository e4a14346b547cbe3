package org.marginconsult.margin.methodology.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.methodology.strategy.PairingOptimiser.Basis;
import org.marginconsult.margin.support.MarginFixtures;

class ExpiryDecompositionTest {

    private final StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());

    /** Every leg, and the stock units that may cover calls, on their own: what the bound is relative to. */
    private BigDecimal alone(UnderlyingBook book, long units) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Leg l : book.options()) {
            sum = sum.add((l.isShort() ? rules.shortOption(l, l.contracts()) : rules.longOption(l, l.contracts()))
                    .initial());
        }
        if (units > 0) {
            sum = sum.add(rules.longStock(book.stock(), BigDecimal.valueOf(100 * units)).initial());
        }
        return sum;
    }

    private static long units(UnderlyingBook book) {
        Leg stock = book.stock();
        return stock == null || stock.isShort() ? 0 : stock.quantity().longValue() / 100;
    }

    @Test
    void theBoundIsNeverAboveTheLeastPairingOfFiveThousandRandomBooks() {
        // The bound with no pairing offered (the target is the minimum itself, from the brute force): at or
        // below the minimum on every book, stock or not.
        PairingOptimiserTest test = new PairingOptimiserTest();
        Random random = new Random(3L);
        for (int i = 0; i < 5_000; i++) {
            UnderlyingBook book = PairingOptimiserTest.randomBook(random, 6);
            long units = units(book);
            BigDecimal minimum = test.new BruteForce(book, Basis.INITIAL, true).minimum();
            BigDecimal rest = BigDecimal.ZERO;
            if (book.stock() != null && book.stock().isShort()) {
                rest = rules.shortStock(book.stock(), book.stock().quantity().abs()).initial();
            } else if (book.stock() != null && book.stock().quantity().longValue() > 100 * units) {
                rest = rules.longStock(book.stock(), book.stock().quantity().subtract(BigDecimal.valueOf(100 * units)))
                        .initial();
            }
            BigDecimal base = alone(book, units);
            long target = minimum.subtract(rest).subtract(base).movePointRight(6).setScale(0, RoundingMode.CEILING)
                    .longValueExact();
            ExpiryDecomposition d = new ExpiryDecomposition(new PairingOptimiser(rules), rules, book.options(),
                    book.stock(), units, Basis.INITIAL);
            long bound = d.bound(target, kept -> target, 50, 200, 10);
            assertTrue(bound <= target, () -> "book " + book + ": bound " + bound + " above the minimum " + target);
        }
    }

    @Test
    void atTheRelaxationsDualsItClosesAClassTheLagrangianBoundLeftOpen() {
        // Underlying U9 of the benchmark's book of 600 positions (39 series on 8 expiries): the Lagrangian
        // bound (the linear relaxation) stays below the total and the search stops at its node limit. Started at
        // the relaxation's row duals, the decomposition (each expiry solved as an integer program) reaches the
        // total in its first step.
        var positions = StrategyBasedBenchmark.book(600, 10, 1);
        UnderlyingBook book = StrategyBased.withDefaults().books(positions, positions, MarginFixtures.context())
                .stream().filter(b -> b.underlying().equals("U9")).findFirst().orElseThrow();
        PairingOptimiser searchOnly = new PairingOptimiser(rules, true, false, PairingOptimiser.Decomposition.NONE);
        BigDecimal total = BigDecimal.ZERO;
        for (Strategy s : searchOnly.pair(book, Basis.INITIAL)) {
            total = total.add(s.initial());
        }
        assertTrue(searchOnly.lastUnproven());
        long units = units(book);
        long target = total.subtract(alone(book, units)).movePointRight(6).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        ExpiryDecomposition d = new ExpiryDecomposition(new PairingOptimiser(rules), rules, book.options(),
                book.stock(), units, Basis.INITIAL);
        assertEquals(target, d.bound(target, kept -> target, 1, 200, 10));
        assertEquals(1, d.steps);
    }
}
