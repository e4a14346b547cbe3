package org.marginconsult.impact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.marginconsult.security.AuditLog;

/**
 * The durable job queue of impact runs, in PostgreSQL. A worker claims the oldest queued run, or a
 * running run whose lease expired (its instance died), with {@code SELECT ... FOR UPDATE SKIP LOCKED}:
 * concurrent claimers skip each other's rows, so no run is taken twice. Every later change (progress,
 * done, failed) checks under a row lock that the worker still holds the lease, so a worker that lost
 * its run to another can neither overwrite its progress nor complete it a second time.
 */
@ApplicationScoped
public class RunQueue {

    static final String ENTITY = "impact-run";

    /** What a worker needs to compute a claimed run. */
    public record Claim(long runId, String firm, long portfolioId, int portfolioVersion, List<String> proposals,
            SecuritiesRegime regime, int attempt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ImpactConfig config;

    @Inject
    AuditLog audit;

    /**
     * Claims the next claimable run for {@code owner}. A run claimed {@link ImpactConfig#maxAttempts()}
     * times already is failed instead, with the reason, and the next one is tried.
     *
     * @param owner the claiming worker's instance id
     * @return the claim, or empty when nothing is claimable
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claim(String owner) {
        for (int skipped = 0; skipped < 10; skipped++) {
            Instant now = clock.instant();
            List<?> ids = em.createNativeQuery("""
                    select id from impact_run
                    where status = 'QUEUED' or (status = 'RUNNING' and lease_expires_at < ?1)
                    order by id
                    limit 1
                    for update skip locked""").setParameter(1, now).getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            ImpactRun run = em.find(ImpactRun.class, ((Number) ids.get(0)).longValue());
            Map<String, Object> before = state(run);
            boolean reclaimed = run.status == RunStatus.RUNNING;
            if (run.attempts >= config.maxAttempts()) {
                run.status = RunStatus.FAILED;
                run.failureReason = "The run was started " + run.attempts + " times and its worker stopped each time "
                        + "before finishing (last lease held by " + run.leaseOwner + "). It will not be tried again; "
                        + "start a new run, or a smaller portfolio, and tell the operators if it happens again.";
                run.finishedAt = now;
                run.leaseOwner = null;
                run.leaseExpiresAt = null;
                audit.record("impact-run.failed", ENTITY, run.id, before, state(run), run.failureReason);
                continue;
            }
            String previousOwner = run.leaseOwner;
            run.status = RunStatus.RUNNING;
            run.leaseOwner = owner;
            run.leaseExpiresAt = now.plus(config.lease());
            run.attempts++;
            run.progress = 0;
            run.stage = reclaimed ? "restarted: the lease of " + previousOwner + " expired" : "started";
            if (run.startedAt == null) {
                run.startedAt = now;
            }
            audit.record(reclaimed ? "impact-run.reclaimed" : "impact-run.claimed", ENTITY, run.id, before,
                    state(run), reclaimed ? "lease of " + previousOwner + " expired" : null);
            return Optional.of(new Claim(run.id, run.firm, run.portfolioId, run.portfolioVersion, run.proposalIds(),
                    run.securitiesRegime, run.attempts));
        }
        return Optional.empty();
    }

    /**
     * Records progress and extends the lease.
     *
     * @return false if {@code owner} no longer holds the run (it must stop)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean progress(long runId, String owner, int percent, String stage) {
        ImpactRun run = held(runId, owner);
        if (run == null) {
            return false;
        }
        run.progress = Math.max(0, Math.min(100, percent));
        run.stage = stage.length() > 300 ? stage.substring(0, 300) : stage;
        run.leaseExpiresAt = clock.instant().plus(config.lease());
        return true;
    }

    /** Extends the leases of every run {@code owner} is computing (the heartbeat). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int renew(String owner) {
        return em.createQuery("update ImpactRun set leaseExpiresAt = ?1 where leaseOwner = ?2 and status = ?3")
                .setParameter(1, clock.instant().plus(config.lease())).setParameter(2, owner)
                .setParameter(3, RunStatus.RUNNING).executeUpdate();
    }

    /**
     * Stores the result and marks the run done, once.
     *
     * @return false if {@code owner} no longer holds the run: the result is discarded
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean complete(long runId, String owner, String resultJson, String inputHash, String engineVersion) {
        ImpactRun run = held(runId, owner);
        if (run == null) {
            return false;
        }
        Map<String, Object> before = state(run);
        run.status = RunStatus.DONE;
        run.progress = 100;
        run.stage = "done";
        run.result = resultJson;
        run.inputHash = inputHash;
        run.engineVersion = engineVersion;
        run.finishedAt = clock.instant();
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
        audit.record("impact-run.done", ENTITY, run.id, before, state(run), "input hash " + inputHash);
        return true;
    }

    /**
     * Marks the run failed with a reason the participant can read.
     *
     * @return false if {@code owner} no longer holds the run
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fail(long runId, String owner, String reason) {
        ImpactRun run = held(runId, owner);
        if (run == null) {
            return false;
        }
        Map<String, Object> before = state(run);
        run.status = RunStatus.FAILED;
        run.failureReason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        run.finishedAt = clock.instant();
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
        audit.record("impact-run.failed", ENTITY, run.id, before, state(run), run.failureReason);
        return true;
    }

    private ImpactRun held(long runId, String owner) {
        ImpactRun run = em.find(ImpactRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status != RunStatus.RUNNING || !owner.equals(run.leaseOwner)) {
            return null;
        }
        return run;
    }

    static Map<String, Object> state(ImpactRun run) {
        return Map.of("status", run.status.name(), "progress", run.progress, "attempts", run.attempts,
                "leaseOwner", String.valueOf(run.leaseOwner));
    }
}
