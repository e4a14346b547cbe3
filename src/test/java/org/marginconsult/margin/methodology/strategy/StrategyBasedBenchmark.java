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
 * of one dense underlying, {@code pairing} for the pairing of every underlying of a synthetic book on one
 * thread, {@code gap} for how often the pairing with complex spreads lands above the
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
 * java -cp ... StrategyBasedBenchmark pairing 1000000 /tmp/pairing-1m.txt
 * </pre>
 */
public final class StrategyBasedBenchmark {

    private StrategyBasedBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("gap")) {
            gap(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    args.length > 4 && args[4].equals("lagrangian"));
        } else if (args.length > 0 && args[0].equals("pairing")) {
            pairing(Integer.parseInt(args[1]), args.length > 2 ? args[2] : null);
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
     * The pairing of every underlying of the product's synthetic book of {@code size} positions, on one
     * thread: CPU time of the two-leg pairing alone and of the full pairing (both bases where they may
     * differ), simplex pivots, and the totals; with {@code file}, one line per underlying (underlying,
     * two-leg total, option series, P proven or U not, initial total, maintenance total) to compare
     * versions underlying by underlying.
     */
    private static void pairing(int size, String file) {
        ReferenceData data = SyntheticBook.referenceData();
        List<Position> positions = SyntheticBook.generate(size, 7, data);
        List<Position> securities = positions.stream().filter(p -> p.account() == org.marginconsult.margin.Account.SECURITIES
                && switch (p.instrumentType()) {
                    case STOCK, ETF, EQUITY_OPTION, INDEX_OPTION -> true;
                    default -> false;
                }).toList();
        List<UnderlyingBook> books = StrategyBased.withDefaults().books(positions, securities, SyntheticBook.context(data));
        StrategyRules rules = new StrategyRules(StrategyBasedParameters.defaults());
        var threads = ManagementFactory.getThreadMXBean();
        long twoLeg = 0;
        long full = 0;
        long pivots = 0;
        BigDecimal twoLegTotal = BigDecimal.ZERO;
        BigDecimal initialTotal = BigDecimal.ZERO;
        BigDecimal maintenanceTotal = BigDecimal.ZERO;
        StringBuilder lines = new StringBuilder();
        for (UnderlyingBook b : books) {
            long t = threads.getCurrentThreadCpuTime();
            PairingOptimiser alone = new PairingOptimiser(rules, false);
            BigDecimal two = sum(alone.pair(b, Basis.INITIAL), Basis.INITIAL);
            pivots += alone.lastAugmentations;
            if (PairingOptimiser.basisMatters(b)) {
                two = two.add(sum(alone.pair(b, Basis.MAINTENANCE), Basis.MAINTENANCE));
                pivots += alone.lastAugmentations;
            }
            long t2 = threads.getCurrentThreadCpuTime();
            twoLeg += t2 - t;
            PairingOptimiser o = new PairingOptimiser(rules);
            List<Strategy> initial = o.pair(b, Basis.INITIAL);
            boolean unproven = o.lastUnproven();
            List<Strategy> maintenance = initial;
            if (PairingOptimiser.basisMatters(b)) {
                maintenance = o.pair(b, Basis.MAINTENANCE);
                unproven |= o.lastUnproven();
            }
            full += threads.getCurrentThreadCpuTime() - t2;
            BigDecimal i = sum(initial, Basis.INITIAL);
            BigDecimal m = sum(maintenance, Basis.MAINTENANCE);
            twoLegTotal = twoLegTotal.add(two);
            initialTotal = initialTotal.add(i);
            maintenanceTotal = maintenanceTotal.add(m);
            lines.append(b.underlying()).append(' ').append(two.toPlainString()).append(' ').append(b.options().size())
                    .append(unproven ? " U " : " P ").append(i.toPlainString()).append(' ').append(m.toPlainString())
                    .append('\n');
        }
        System.out.printf("%,d positions, %d underlyings, one thread: two-leg pairing %,d ms CPU (%,d pivots), full"
                + " pairing %,d ms CPU; totals: two-leg %s, initial %s, maintenance %s%n", size, books.size(),
                twoLeg / 1_000_000, pivots, full / 1_000_000, twoLegTotal.toPlainString(), initialTotal.toPlainString(),
                maintenanceTotal.toPlainString());
        if (file != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(file), lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static BigDecimal sum(List<Strategy> strategies, Basis basis) {
        BigDecimal total = BigDecimal.ZERO;
        for (Strategy s : strategies) {
            total = total.add(basis == Basis.INITIAL ? s.initial() : s.maintenance());
        }
        return total;
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
            PairingOptimiser without = new PairingOptimiser(rules, true, false, PairingOptimiser.Decomposition.NONE);
            long t = threads.getCurrentThreadCpuTime();
            BigDecimal totalWithout = initial(without.pair(b, Basis.INITIAL));
            double cpuWithout = (threads.getCurrentThreadCpuTime() - t) / 1e6;
            PairingOptimiser o = new PairingOptimiser(rules);
            t = threads.getCurrentThreadCpuTime();
            BigDecimal total = initial(o.pair(b, Basis.INITIAL));
            double cpu = (threads.getCurrentThreadCpuTime() - t) / 1e6;
            before = before.add(totalWithout);
            after = after.add(total);
            proven += o.lastUnproven() ? 0 : 1;
            System.out.printf("%s: %d option legs; without the decomposition (1.3): total %s, %s, %.1f ms CPU; with it: %d nodes, %d"
                    + " decomposition steps, %.1f ms CPU, total %s, lower bound %s, %s%n", b.underlying(),
                    b.options().size(), totalWithout.toPlainString(), without.lastUnproven() ? "unproven" : "proven", cpuWithout,
                    o.lastNodes, o.lastDecompositionSteps, cpu, total.toPlainString(),
                    o.lastBound.signum() == 0 ? "none" : o.lastBound.toPlainString(),
                    o.lastUnproven() ? "unproven, gap at most " + o.lastGap.toPlainString() : "proven minimal");
        }
        System.out.printf("%d of %d underlyings proven minimal; total %s (without the decomposition: %s)%n", proven, books.size(),
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
