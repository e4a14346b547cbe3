package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import java.lang.management.ManagementFactory;

import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.bench.SyntheticBook;
import org.marginconsult.margin.methodology.strategy.PairingOptimiser.Basis;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.support.MarginFixtures;

/**
 * Measurements quoted in docs/methodology/strategy-based.md, run by hand (not a test): {@code time} for
 * the time to margin the product's synthetic books of 10k to 1M positions, {@code dense} for the pairing
 * of one dense underlying, {@code gap} for how often the pairing with complex spreads lands above the
 * brute-force minimum on random small books.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.marginconsult.margin.methodology.strategy.StrategyBasedBenchmark time 10000 100000 1000000
 * java -cp ... StrategyBasedBenchmark dense
 * java -cp ... StrategyBasedBenchmark gap 30000 6 7
 * java -cp ... StrategyBasedBenchmark gap 30000 6 7 lagrangian
 * java -cp ... StrategyBasedBenchmark dense 600
 * </pre>
 */
public final class StrategyBasedBenchmark {

    private StrategyBasedBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("gap")) {
            gap(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    args.length > 4 && args[4].equals("lagrangian"));
        } else if (args.length > 0 && args[0].equals("dense")) {
            dense(args.length > 1 ? Integer.parseInt(args[1]) : 5_000);
        } else {
            time(args.length > 1 ? java.util.Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
                    : new int[] {10_000, 100_000, 1_000_000});
        }
    }

    /** With {@code lagrangian}, every class gets the Lagrangian bound, however small. */
    private static void gap(int books, int maxSeries, long seed, boolean lagrangian) {
        StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());
        PairingOptimiserTest test = new PairingOptimiserTest();
        Random random = new Random(seed);
        int above = 0;
        BigDecimal worst = BigDecimal.ZERO;
        for (int i = 0; i < books; i++) {
            UnderlyingBook book = PairingOptimiserTest.randomBook(random, maxSeries);
            BigDecimal optimised = BigDecimal.ZERO;
            for (Strategy s : new PairingOptimiser(rules, true, lagrangian).pair(book, Basis.INITIAL)) {
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
        System.out.printf("books %d, up to %d series, seed %d%s: %d above the brute-force minimum, worst by %s%n",
                books, maxSeries, seed, lagrangian ? ", Lagrangian bound on every class" : "", above, worst.stripTrailingZeros().toPlainString());
    }

    /**
     * STRATEGY_BASED on the product's synthetic book ({@link SyntheticBook}: 2,000 underlyings, 70%
     * options, 80% of positions in the securities account) of each size: wall time, process CPU time
     * (what the machine spent, whatever else runs on it) and the live heap holding the positions and the
     * result.
     */
    private static void time(int[] sizes) {
        StrategyBased methodology = StrategyBased.withDefaults();
        ReferenceData data = SyntheticBook.referenceData();
        var context = SyntheticBook.context(data);
        methodology.calculate(SyntheticBook.generate(50_000, 1, data), context);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int size : sizes) {
            List<Position> positions = SyntheticBook.generate(size, 7, data);
            System.gc();
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            MarginResult result = methodology.calculate(positions, context);
            long wallMs = (System.nanoTime() - wall) / 1_000_000;
            long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            String unproven = result.warnings().stream()
                    .filter(w -> w.code().equals(StrategyBased.PAIRING_NOT_PROVEN_MINIMAL))
                    .map(w -> w.message().substring(0, w.message().indexOf(' '))).findFirst().orElse("0");
            System.out.printf("%,d positions: wall %,d ms, process CPU %,d ms, %,d strategies, live heap %d MB,"
                    + " %s underlyings not proven minimal, total %s%n", size, wallMs, cpuMs, result.breakdown().size(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, unproven, result.total().toPlainString());
        }
    }

    /**
     * The pairing of single dense underlyings (the book of {@link #book}: about 200 option series each):
     * thread CPU time per underlying, with and without the complex-spread proposals.
     */
    private static void dense(int size) {
        var context = MarginFixtures.context();
        StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());
        List<Position> positions = book(size, 10, 1);
        List<UnderlyingBook> books = StrategyBased.withDefaults().books(positions, positions, context);
        var threads = ManagementFactory.getThreadMXBean();
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        int proven = 0;
        for (UnderlyingBook b : books) {
            PairingOptimiser v12 = new PairingOptimiser(rules, true, false, PairingOptimiser.Decomposition.NONE);
            long t = threads.getCurrentThreadCpuTime();
            BigDecimal total12 = initial(v12.pair(b, Basis.INITIAL));
            double cpu12 = (threads.getCurrentThreadCpuTime() - t) / 1e6;
            PairingOptimiser o = new PairingOptimiser(rules);
            t = threads.getCurrentThreadCpuTime();
            BigDecimal total = initial(o.pair(b, Basis.INITIAL));
            double cpu = (threads.getCurrentThreadCpuTime() - t) / 1e6;
            before = before.add(total12);
            after = after.add(total);
            proven += o.lastUnproven() ? 0 : 1;
            System.out.printf("%s: %d option legs; version 1.2: total %s, %s, %.1f ms CPU; now: %d nodes, %d"
                    + " decomposition steps, %.1f ms CPU, total %s, lower bound %s, %s%n", b.underlying(),
                    b.options().size(), total12.toPlainString(), v12.lastUnproven() ? "unproven" : "proven", cpu12,
                    o.lastNodes, o.lastDecompositionSteps, cpu, total.toPlainString(),
                    o.lastBound.signum() == 0 ? "none" : o.lastBound.toPlainString(),
                    o.lastUnproven() ? "unproven, gap at most " + o.lastGap.toPlainString() : "proven minimal");
        }
        System.out.printf("%d of %d underlyings proven minimal; total %s (version 1.2: %s)%n", proven, books.size(),
                after.toPlainString(), before.toPlainString());
        for (boolean complex : new boolean[] {true, false}) {
            long spent = 0;
            int legs = 0;
            for (int rep = 0; rep < 20; rep++) {
                for (UnderlyingBook b : books) {
                    long t = threads.getCurrentThreadCpuTime();
                    new PairingOptimiser(rules, complex).pair(b, Basis.INITIAL);
                    if (rep >= 10) {
                        spent += threads.getCurrentThreadCpuTime() - t;
                        legs += b.options().size();
                    }
                }
            }
            System.out.printf("complex spreads %s: %.1f ms CPU per underlying of %d option legs on average%n",
                    complex ? "on" : "off", spent / 1e6 / (10 * books.size()), legs / (10 * books.size()));
        }
    }

    private static BigDecimal initial(List<Strategy> strategies) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Strategy s : strategies) {
            sum = sum.add(s.initial());
        }
        return sum;
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
