package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void halfACentRoundsUp() {
        assertEquals(new BigDecimal("0.13"), Money.cents(new BigDecimal("0.125")));
        assertEquals(new BigDecimal("-0.13"), Money.cents(new BigDecimal("-0.125")));
    }

    @Test
    void threeThirdsOfADollarAddUpToTheDollar() {
        List<BigDecimal> parts = amounts("0.333333", "0.333333", "0.333334");
        List<BigDecimal> rounded = Money.allocate(parts);
        assertEquals(amounts("0.33", "0.33", "0.34"), rounded);
    }

    @Test
    void theResidueGoesToThePartsThatRoundingMovedMost() {
        // exact sum 1.011 -> 1.01; individually 0.34 + 0.34 + 0.34 = 1.02: one cent comes back from the part
        // rounded up the most (0.335 -> 0.34, remainder -0.005).
        List<BigDecimal> rounded = Money.allocate(amounts("0.338", "0.335", "0.338"));
        assertEquals(amounts("0.34", "0.33", "0.34"), rounded);
    }

    @Test
    void partsAlwaysAddUpToTheOnceRoundedTotalAndStayWithinACent() {
        Random random = new Random(5);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 1 + random.nextInt(40);
            List<BigDecimal> parts = new java.util.ArrayList<>();
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal p = Money.exact((random.nextDouble() - 0.3) * 10_000);
                parts.add(p);
                exact = exact.add(p);
            }
            List<BigDecimal> rounded = Money.allocate(parts);
            BigDecimal sum = rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(Money.cents(exact), sum);
            for (int i = 0; i < n; i++) {
                assertEquals(-1, parts.get(i).subtract(rounded.get(i)).abs().compareTo(new BigDecimal("0.01")));
            }
        }
    }

    @Test
    void centsOfADoubleEqualTheDecimalRoundingEvenAtHalfCents() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (random.nextDouble() - 0.5) * 2e6;
                case 1 -> Math.round((random.nextDouble() - 0.5) * 2e7) / 1000.0 + 0.005;
                case 2 -> (random.nextDouble() - 0.5) * 2e12;
                default -> Math.round((random.nextDouble() - 0.5) * 1e5) / 200.0;
            };
            assertEquals(Money.cents(Money.exact(v)).movePointRight(2).longValueExact(), Money.centsOf(v), "v=" + v);
        }
        assertEquals(101, Money.centsOf(1.005));
        assertEquals(-101, Money.centsOf(-1.005));
        assertEquals(4720000, Money.centsOf(590000 * 0.08));
    }
}
