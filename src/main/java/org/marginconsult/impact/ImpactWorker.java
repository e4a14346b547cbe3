package org.marginconsult.impact;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.Money;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.collateral.HaircutSchedules;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Computes claimed impact runs on this instance's own thread pool, never on a web thread. Idle
 * workers claim from {@link RunQueue} on a schedule and whenever a run is submitted; a heartbeat
 * renews the leases of running computations. Stopping the instance simply abandons its runs: their
 * leases expire and another instance (or this one after a restart) takes them up again, so no run is
 * lost.
 */
@ApplicationScoped
public class ImpactWorker {

    private static final Logger LOG = Logger.getLogger(ImpactWorker.class);

    @Inject
    RunQueue queue;

    @Inject
    ImpactConfig config;

    @Inject
    ImpactSources sources;

    @Inject
    MarginCatalog catalog;

    @Inject
    MarginConfig margin;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String engineVersion;

    private String instanceId;
    private ExecutorService pool;
    private ExecutorService dispatcher;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean claiming;

    void start(@Observes StartupEvent event) {
        instanceId = config.instanceId().orElseGet(ImpactWorker::defaultInstanceId);
        pool = Executors.newFixedThreadPool(config.workers(), threads("impact-worker"));
        dispatcher = Executors.newSingleThreadExecutor(threads("impact-dispatch"));
        claiming = true;
        LOG.infof("impact worker %s with %d threads", instanceId, config.workers());
    }

    void stop(@Observes ShutdownEvent event) {
        claiming = false;
        if (dispatcher != null) {
            dispatcher.shutdownNow();
            pool.shutdownNow();
        }
    }

    /** This instance's name in leases. */
    public String instanceId() {
        return instanceId;
    }

    /**
     * Stops taking new runs (runs in progress finish); used to drain an instance. Waits for a claim in
     * flight, so no run is claimed by this instance once this returns.
     */
    public synchronized void stopClaiming() {
        claiming = false;
    }

    /** Takes runs again after {@link #stopClaiming()}. */
    public void startClaiming() {
        claiming = true;
        wake();
    }

    /** Runs being computed on this instance now. */
    public int active() {
        return active.get();
    }

    /** Looks for work now, without blocking the caller. */
    public void wake() {
        if (dispatcher != null && !dispatcher.isShutdown()) {
            dispatcher.execute(this::fill);
        }
    }

    @Scheduled(every = "${marginconsult.impact.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    @Scheduled(every = "${marginconsult.impact.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (active.get() > 0) {
            queue.renew(instanceId);
        }
    }

    private synchronized void fill() {
        while (claiming && active.get() < config.workers()) {
            Optional<RunQueue.Claim> claim = queue.claim(instanceId);
            if (claim.isEmpty()) {
                return;
            }
            active.incrementAndGet();
            pool.execute(() -> {
                try {
                    compute(claim.get());
                } finally {
                    active.decrementAndGet();
                    wake();
                }
            });
        }
    }

    /** Raised from the progress callback when another worker has taken the run over. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    void compute(RunQueue.Claim claim) {
        long id = claim.runId();
        try {
            if (!queue.progress(id, instanceId, 1, "loading the portfolio")) {
                return;
            }
            long started = System.nanoTime();
            int[] reported = {1};
            ImpactInput input = sources.load(claim.firm(), claim.portfolioId(), (read, total) -> {
                int percent = 1 + (int) ((ImpactCalculator.STUDY_START - 2) * (long) read / Math.max(1, total));
                if (percent > reported[0]) {
                    reported[0] = percent;
                    if (!queue.progress(id, instanceId, percent, "loading the portfolio: " + read + " of " + total
                            + " positions")) {
                        throw new LeaseLost();
                    }
                }
            }).orElse(null);
            if (input == null) {
                queue.fail(id, instanceId, "The portfolio of this run no longer exists (it was deleted after the run "
                        + "was requested).");
                return;
            }
            List<CrossMarginProposal> proposals = new ArrayList<>();
            for (String p : claim.proposals()) {
                Optional<CrossMarginProposal> proposal = catalog.proposal(p);
                if (proposal.isEmpty()) {
                    queue.fail(id, instanceId, "Proposal " + p + " is not one this application knows.");
                    return;
                }
                proposals.add(proposal.get());
            }
            long loaded = System.nanoTime();
            ImpactResult result = calculator().calculate(input, claim.regime(), proposals, (percent, stage) -> {
                if (!queue.progress(id, instanceId, percent, stage)) {
                    throw new LeaseLost();
                }
            });
            long computed = System.nanoTime();
            if (!queue.complete(id, instanceId, ImpactJson.write(result), result.provenance().inputHash(),
                    engineVersion)) {
                LOG.infof("impact run %d was taken over by another worker; this result is discarded", id);
            } else {
                LOG.infof("impact run %d: %d positions loaded in %d ms, computed in %d ms, stored in %d ms", id,
                        input.positions().size(), (loaded - started) / 1_000_000, (computed - loaded) / 1_000_000,
                        (System.nanoTime() - computed) / 1_000_000);
            }
        } catch (LeaseLost e) {
            LOG.infof("impact run %d was taken over by another worker; stopping", id);
        } catch (InvalidPortfolioException e) {
            queue.fail(id, instanceId, "The portfolio cannot be margined as requested: " + e.getMessage());
        } catch (ArithmeticException e) {
            queue.fail(id, instanceId, Money.AMOUNTS_TOO_LARGE);
        } catch (IllegalArgumentException | IllegalStateException e) {
            queue.fail(id, instanceId, e.getMessage());
        } catch (OutOfMemoryError e) {
            queue.fail(id, instanceId, "The portfolio is too large for the memory of this instance.");
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "impact run %d failed, incident %s", id, incident);
            queue.fail(id, instanceId, "The run stopped on an internal error (incident " + incident
                    + "); the operators have the details.");
        }
    }

    ImpactCalculator calculator() {
        return new ImpactCalculator(catalog.referenceData(), new Rates(margin.riskFreeRate()), engineVersion,
                SecuritiesRegime::methodology,
                new ImpactCalculator.CollateralSchedules(HaircutSchedules.sec15c3_1(),
                        HaircutSchedules.prudentialSwaps(), HaircutSchedules.harmonisedProposal()),
                config.sensitivitySteps(), config.topContributors());
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
