package org.marginconsult.margin.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.methodology.cross.CrossMargin;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.methodology.cross.SiloedBaseline;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.span.Span;
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
 * The impact study on a synthetic book ({@link SyntheticBook}): today's siloed requirement (portfolio
 * margin for the securities account, SPAN for the futures account) plus the three seeded proposals
 * against it, end to end (validation, hashing, scans, results with every position's worst-scenario
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
    List<CrossMargin> proposals;

    /** Builds the book and the methodologies (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
        ReferenceData data = SyntheticBook.referenceData();
        context = SyntheticBook.context(data);
        book = SyntheticBook.generate(size, 7, data);
        proposals = java.util.Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load)
                .map(BookBenchmark::crossMargin).toList();
    }

    private static CrossMargin crossMargin(CrossMarginProposal p) {
        return new CrossMargin(p, PortfolioMargin.withDefaults(), Span.withDefaults());
    }

    /** Siloed baseline plus the three proposals. */
    @Benchmark
    public void siloedAndThreeProposals(Blackhole bh) {
        SiloedBaseline baseline = SiloedBaseline.of(book, context, PortfolioMargin.withDefaults(), Span.withDefaults());
        bh.consume(baseline.total());
        for (CrossMargin cm : proposals) {
            MarginResult r = cm.calculate(book, context, baseline);
            bh.consume(r.total());
        }
    }

    /**
     * Runs the study once per size and prints the time, for a quick look outside JMH.
     *
     * @param args sizes (default 10000 100000 1000000)
     */
    public static void main(String[] args) {
        String[] sizes = args.length > 0 ? args : new String[] {"10000", "100000", "1000000"};
        for (String s : sizes) {
            BookBenchmark b = new BookBenchmark();
            b.size = Integer.parseInt(s);
            b.setUp();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int run = 0; run < 3; run++) {
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                SiloedBaseline baseline = SiloedBaseline.of(b.book, b.context, PortfolioMargin.withDefaults(),
                        Span.withDefaults());
                long siloed = System.nanoTime();
                StringBuilder line = new StringBuilder();
                for (CrossMargin cm : b.proposals) {
                    long t0 = System.nanoTime();
                    MarginResult r = cm.calculate(b.book, b.context, baseline);
                    line.append(String.format(" %s=%s (%d ms)", cm.parameters().id(), r.total(),
                            (System.nanoTime() - t0) / 1_000_000));
                }
                long end = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("size=%d run=%d total=%d ms cpu=%d ms siloed=%s (%d ms)%s heapUsed=%d MB%n", b.size,
                        run, (end - start) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000, baseline.total(),
                        (siloed - start) / 1_000_000, line, (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        }
    }
}
