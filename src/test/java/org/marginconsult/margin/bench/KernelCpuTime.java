package org.marginconsult.margin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The same work as {@link KernelBenchmark}, timed by the thread's CPU time rather than the wall clock:
 * revaluations per CPU-second of one core, a figure that other processes sharing the machine do not
 * dilute (JMH's wall-clock throughput drops with the machine's load). Run after JMH's warm-up logic is
 * not available here, so each method is run for 10 rounds of 2 seconds and the last 5 are reported.
 */
public final class KernelCpuTime {

    private KernelCpuTime() {
    }

    /**
     * Prints revaluations per CPU-second for the kernel, Strata and the closed form.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        KernelBenchmark b = new KernelBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        String[] names = {"kernel", "strata", "closedForm"};
        for (int round = 0; round < 10; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (String name : names) {
                long invocations = 0;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long cpu;
                do {
                    switch (name) {
                        case "kernel" -> b.kernel(bh);
                        case "strata" -> b.strata(bh);
                        default -> b.closedForm(bh);
                    }
                    invocations++;
                    cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                } while (cpu < 2_000_000_000L);
                double perCpuSecond = invocations * (double) (KernelBenchmark.OPTIONS * KernelBenchmark.SCENARIOS)
                        / (cpu / 1e9);
                line.append(String.format(" %s=%.1fM/cpu-s", name, perCpuSecond / 1e6));
            }
            if (round >= 5) {
                System.out.println(line);
            }
        }
        bh.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }
}
