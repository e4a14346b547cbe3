package org.marginconsult.margin.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.marginconsult.margin.pricing.BlackScholesMerton;
import org.marginconsult.margin.pricing.ScenarioKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;

/**
 * Option scenario revaluations per second: the scenario kernel against OpenGamma Strata's
 * {@code BlackScholesFormulaRepository.price} and our own closed form, on the same 1,024 options
 * (calls and puts, random moneyness, expiry, rate, carry and vol) each revalued at the 16 underlying
 * prices of a SPAN-like grid. One operation = one option revalued in one scenario. Run command and
 * figures: docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelBenchmark {

    static final int OPTIONS = 1024;
    static final int SCENARIOS = 16;

    boolean[] call = new boolean[OPTIONS];
    double[] spot = new double[OPTIONS];
    double[] strike = new double[OPTIONS];
    double[] t = new double[OPTIONS];
    double[] r = new double[OPTIONS];
    double[] b = new double[OPTIONS];
    double[] sigma = new double[OPTIONS];
    double[] growth = new double[SCENARIOS];
    double[] logGrowth;
    double[] out = new double[SCENARIOS];

    /** Random but fixed inputs. */
    @Setup
    public void setUp() {
        Random random = new Random(2026);
        for (int i = 0; i < OPTIONS; i++) {
            call[i] = random.nextBoolean();
            spot[i] = 20 + 5000 * random.nextDouble();
            strike[i] = spot[i] * (0.7 + 0.6 * random.nextDouble());
            t[i] = 0.02 + 1.5 * random.nextDouble();
            r[i] = 0.04;
            b[i] = random.nextBoolean() ? 0 : 0.04 - 0.015 * random.nextDouble();
            sigma[i] = 0.1 + 0.6 * random.nextDouble();
        }
        for (int j = 0; j < SCENARIOS; j++) {
            growth[j] = 1 + (j - 7.5) * 0.02;
        }
        logGrowth = ScenarioKernel.logs(growth);
    }

    /** The kernel: everything but the underlying hoisted out of the scenario loop. */
    @Benchmark
    @OperationsPerInvocation(OPTIONS * SCENARIOS)
    public void kernel(Blackhole bh) {
        for (int i = 0; i < OPTIONS; i++) {
            ScenarioKernel.optionValues(call[i], spot[i], strike[i], t[i], r[i], b[i], sigma[i], growth, logGrowth, out);
            double sum = 0;
            for (int j = 0; j < SCENARIOS; j++) {
                sum += out[j];
            }
            bh.consume(sum);
        }
    }

    /** Strata's generalised Black-Scholes price, called once per option and scenario. */
    @Benchmark
    @OperationsPerInvocation(OPTIONS * SCENARIOS)
    public void strata(Blackhole bh) {
        for (int i = 0; i < OPTIONS; i++) {
            double sum = 0;
            for (int j = 0; j < SCENARIOS; j++) {
                sum += BlackScholesFormulaRepository.price(spot[i] * growth[j], strike[i], t[i], sigma[i], r[i], b[i],
                        call[i]);
            }
            bh.consume(sum);
        }
    }

    /** Our closed form without hoisting, called once per option and scenario. */
    @Benchmark
    @OperationsPerInvocation(OPTIONS * SCENARIOS)
    public void closedForm(Blackhole bh) {
        for (int i = 0; i < OPTIONS; i++) {
            double sum = 0;
            for (int j = 0; j < SCENARIOS; j++) {
                sum += BlackScholesMerton.price(call[i], spot[i] * growth[j], strike[i], t[i], r[i], b[i], sigma[i]);
            }
            bh.consume(sum);
        }
    }
}
