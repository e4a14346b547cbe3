package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.methodology.strategy.PairingOptimiser.Basis;
import org.marginconsult.margin.support.MarginFixtures;

/**
 * Measurements quoted in docs/methodology/strategy-based.md and docs/performance.md, run by hand (not a
 * test): {@code time} for the time to margin synthetic books of 10k to 1M positions, {@code gap} for how
 * often the pairing with complex spreads lands above the brute-force minimum on random small books.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.marginconsult.margin.methodology.strategy.StrategyBasedBenchmark time
 * java -cp ... StrategyBasedBenchmark gap 30000 6 7
 * </pre>
 */
public final class StrategyBasedBenchmark {

    private StrategyBasedBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("gap")) {
            gap(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
        } else {
            time();
        }
    }

    private static void gap(int books, int maxSeries, long seed) {
        StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());
        PairingOptimiserTest test = new PairingOptimiserTest();
        Random random = new Random(seed);
        int above = 0;
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < books; i++) {
            UnderlyingBook book = PairingOptimiserTest.randomBook(random, maxSeries);
            BigDecimal optimised = BigDecimal.ZERO;
            for (Strategy s : new PairingOptimiser(rules).pair(book, Basis.INITIAL)) {
                optimised = optimised.add(s.initial());
            }
            BigDecimal brute = test.new BruteForce(book, Basis.INITIAL, true).minimum();
            if (optimised.compareTo(brute) < 0) {
                throw new IllegalStateException("below the minimum: " + book);
            }
            if (optimised.compareTo(brute) > 0) {
                above++;
                worst = worst.max(optimised.subtract(brute));
            }
        }
        System.out.printf("books %d, up to %d series, seed %d: %d above the brute-force minimum, worst by %s%n",
                books, maxSeries, seed, above, worst.stripTrailingZeros().toPlainString());
    }

    private static void time() {
        StrategyBased methodology = StrategyBased.withDefaults();
        var context = MarginFixtures.context();
        for (int warm = 0; warm < 3; warm++) {
            methodology.calculate(book(100_000, 200, 1), context);
        }
        for (int size : new int[] {10_000, 100_000, 1_000_000}) {
            int underlyings = Math.max(20, size / 500);
            List<Position> positions = book(size, underlyings, 2);
            System.gc();
            long t0 = System.nanoTime();
            StrategyPairing pairing = methodology.pair(positions, context);
            long t1 = System.nanoTime();
            MarginResult result = methodology.calculate(positions, context);
            long t2 = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%,d positions, %,d underlyings: pairing %d ms, full result %d ms, %,d strategies,"
                    + " total %s, heap used %d MB%n", size, underlyings, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    pairing.initial().size(), result.total(), (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    /**
     * A synthetic securities book: 70% options, 30% stock, on {@code underlyings} underlyings (a tenth of
     * them broad-based index ETFs); options on 17 strikes from -20% to +20% of spot in 2.5% steps and 8
     * expiries from 1 to 24 months, random side and size (1 to 20 contracts, or 100 to 2,000 shares).
     */
    static List<Position> book(int size, int underlyings, long seed) {
        Random random = new Random(seed);
        LocalDate asOf = MarginFixtures.AS_OF;
        int[] months = {1, 2, 3, 6, 9, 12, 18, 24};
        List<Position> out = new ArrayList<>(size);
        double[] spot = new double[underlyings];
        for (int u = 0; u < underlyings; u++) {
            spot[u] = 20 + random.nextInt(480);
        }
        java.util.Map<String, String> marks = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
            int u = random.nextInt(underlyings);
            String name = u % 10 == 0 ? "SPY" + u : "U" + u;
            String s = BigDecimal.valueOf(spot[u]).setScale(2).toPlainString();
            if (random.nextInt(10) < 3) {
                int shares = (1 + random.nextInt(20)) * 100 * (random.nextInt(3) == 0 ? -1 : 1);
                out.add(Position.equity("p" + i, u % 10 == 0 ? InstrumentType.ETF : InstrumentType.STOCK, name,
                        Integer.toString(shares), s));
                continue;
            }
            int step = random.nextInt(17) - 8;
            BigDecimal strike = BigDecimal.valueOf(spot[u] * (1 + 0.025 * step)).setScale(0, java.math.RoundingMode.HALF_UP);
            LocalDate expiry = asOf.plusMonths(months[random.nextInt(months.length)]);
            OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            String key = name + type + strike + expiry;
            double intrinsic = Math.max(0, type == OptionType.CALL ? spot[u] - strike.doubleValue()
                    : strike.doubleValue() - spot[u]);
            String price = marks.computeIfAbsent(key, k -> BigDecimal.valueOf(intrinsic + spot[u] * 0.01
                    * (1 + random.nextInt(8))).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            int contracts = (1 + random.nextInt(20)) * (random.nextBoolean() ? 1 : -1);
            out.add(Position.option("p" + i, InstrumentType.EQUITY_OPTION, key, name, Integer.toString(contracts),
                    "100", price, s, type, strike.toPlainString(), expiry, "0.3"));
        }
        return out;
    }
}
