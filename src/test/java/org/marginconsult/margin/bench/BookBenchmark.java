package org.marginconsult.margin.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.methodology.cross.ImpactStudy;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.methodology.strategy.StrategyBased;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.support.ProposalFixtures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The impact study ({@link ImpactStudy}) on a synthetic book ({@link SyntheticBook}): today's siloed
 * requirement (portfolio margin for the securities account, SPAN for the futures account) plus the three
 * seeded proposals against it, end to end (validation, hashing, scans, results with every position's worst-scenario
 * P&amp;L). One operation = the whole study. Forked with a 1 GB heap on 2 processors, so running out of
 * heap fails the benchmark. Command and figures: docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g", "-XX:ActiveProcessorCount=2"})
public class BookBenchmark {

    @Param({"10000", "100000", "1000000"})
    int size;

    List<Position> book;
    ValuationContext context;
    List<CrossMarginProposal> proposals;

    /** Builds the book and the methodologies (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceData data = SyntheticBook.referenceData();
        context = SyntheticBook.context(data);
        book = SyntheticBook.generate(size, 7, data);
        proposals = java.util.Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load).toList();
    }

    /** Siloed baseline plus the three proposals, as the impact study runs them. */
    @Benchmark
    public void siloedAndThreeProposals(Blackhole bh) {
        ImpactStudy study = ImpactStudy.run(book, context, PortfolioMargin.withDefaults(), Span.withDefaults(),
                proposals);
        bh.consume(study.baseline().total());
        for (MarginResult r : study.proposals()) {
            bh.consume(r.total());
        }
    }

    /**
     * Runs the study three times per size (the system property {@code book.runs} sets how many) and prints
     * the time, for a quick look outside JMH. The system property {@code book.securities=STRATEGY_BASED}
     * margins today's securities account under the strategy-based rules instead of portfolio margin (the
     * other regime an impact run offers).
     *
     * @param args sizes (default 10000 100000 1000000)
     */
    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"10000", "100000", "1000000"};
        Methodology securitiesToday = "STRATEGY_BASED".equals(System.getProperty("book.securities"))
                ? StrategyBased.withDefaults() : PortfolioMargin.withDefaults();
        System.out.println("securities account today: " + securitiesToday.id());
        int runs = Integer.getInteger("book.runs", 3);
        for (String s : sizes) {
            BookBenchmark b = new BookBenchmark();
            b.size = Integer.parseInt(s);
            b.setUp();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 0; run < runs; run++) {
                System.gc();
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                ImpactStudy study = ImpactStudy.run(b.book, b.context, securitiesToday, Span.withDefaults(),
                        b.proposals);
                long end = System.nanoTime();
                StringBuilder line = new StringBuilder();
                study.proposals().forEach(r -> line.append(' ').append(r.parameterSet().id()).append('=')
                        .append(r.total()));
                long cpuUsed = os.getProcessCpuTime() - cpu;
                Runtime rt = Runtime.getRuntime();
                System.gc();
                long live = (rt.totalMemory() - rt.freeMemory()) >> 20;
                java.lang.ref.Reference.reachabilityFence(study);
                System.out.printf("size=%d run=%d total=%d ms cpu=%d ms siloed=%s%s liveHeapWithResults=%d MB%n",
                        b.size, run, (end - start) / 1_000_000, cpuUsed / 1_000_000, study.baseline().total(), line,
                        live);
            }
        }
    }
}
