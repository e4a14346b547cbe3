package org.marginconsult.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.security.AuditLog;
import org.marginconsult.support.TestClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RunQueueTest {

    static final String FIRM = "firm-queue-test";

    @Inject
    RunQueue queue;

    @Inject
    ImpactWorker worker;

    @Inject
    AuditLog audit;

    @Inject
    TestClock clock;

    @BeforeEach
    void holdTheInstancesOwnWorker() throws InterruptedException {
        ImpactRunApiTest.awaitIdle();
        worker.stopClaiming();
    }

    @AfterEach
    void cleanUp() {
        QuarkusTransaction.requiringNew().run(() -> ImpactRun.delete("firm", FIRM));
        clock.reset();
        worker.startClaiming();
    }

    static long queued() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImpactRun run = new ImpactRun();
            run.firm = FIRM;
            run.portfolioId = 1;
            run.portfolioLabel = "queue test";
            run.portfolioVersion = 1;
            run.proposals = "A-full-offset";
            run.securitiesRegime = SecuritiesRegime.PORTFOLIO_MARGIN;
            run.status = RunStatus.QUEUED;
            run.requestedBy = "test";
            run.requestedAt = java.time.Instant.now();
            run.persist();
            return run.id;
        });
    }

    static ImpactRun reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ImpactRun.<ImpactRun>findById(id));
    }

    @Test
    void twoWorkersClaimingAtOnceNeverTakeTheSameRun() throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ids.add(queued());
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> claimed = new ArrayList<>();
            for (String owner : List.of("worker-1", "worker-2")) {
                Callable<List<Long>> claimer = () -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    while (true) {
                        var claim = queue.claim(owner);
                        if (claim.isEmpty()) {
                            return mine;
                        }
                        mine.add(claim.get().runId());
                    }
                };
                claimed.add(pool.submit(claimer));
            }
            List<Long> first = claimed.get(0).get();
            List<Long> second = claimed.get(1).get();
            assertTrue(Collections.disjoint(first, second), "a run was claimed by both workers");
            Set<Long> all = new HashSet<>(first);
            all.addAll(second);
            assertEquals(ids, all);
            assertEquals(40, first.size() + second.size());
            assertFalse(first.isEmpty() || second.isEmpty(), "both workers should have claimed some runs");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunWhoseWorkerDiedIsReclaimedAfterItsLeaseExpiresAndCompletedExactlyOnce() {
        long id = queued();
        assertEquals(id, queue.claim("crashed-instance").orElseThrow().runId());
        assertTrue(queue.progress(id, "crashed-instance", 40, "proposal A-full-offset"));
        assertTrue(queue.claim("survivor").isEmpty(), "a run under a live lease is not claimable");

        clock.advance(Duration.ofMinutes(2));
        RunQueue.Claim reclaimed = queue.claim("survivor").orElseThrow();
        assertEquals(id, reclaimed.runId());
        assertEquals(2, reclaimed.attempt());
        assertFalse(queue.progress(id, "crashed-instance", 60, "late"), "the old worker lost the run");
        assertTrue(queue.complete(id, "survivor", "{\"done\":true}", "h".repeat(64), "test"));
        assertFalse(queue.complete(id, "crashed-instance", "{\"done\":false}", "x".repeat(64), "test"));

        ImpactRun run = reload(id);
        assertEquals(RunStatus.DONE, run.status);
        assertEquals("h".repeat(64), run.inputHash);
        assertTrue(run.result.contains("true"));
        long completions = QuarkusTransaction.requiringNew().call(() -> audit
                .forEntity(RunQueue.ENTITY, String.valueOf(id)).stream().filter(e -> e.action.equals("impact-run.done"))
                .count());
        assertEquals(1, completions);
    }

    @Test
    void theHeartbeatKeepsALongRunWithItsWorker() {
        long id = queued();
        queue.claim("busy-instance").orElseThrow();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(45));
            assertEquals(1, queue.renew("busy-instance"));
        }
        assertTrue(queue.claim("other").isEmpty());
        assertEquals("busy-instance", reload(id).leaseOwner);
    }

    @Test
    void aRunThatKeepsLosingItsWorkerIsFailedWithItsReasonInsteadOfRetriedForever() {
        long id = queued();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(attempt, queue.claim("doomed-" + attempt).orElseThrow().attempt());
            clock.advance(Duration.ofMinutes(2));
        }
        assertTrue(queue.claim("next").isEmpty());
        ImpactRun run = reload(id);
        assertEquals(RunStatus.FAILED, run.status);
        assertTrue(run.failureReason.startsWith("The run was started 3 times"), run.failureReason);
    }

    @Test
    void aFailedRunKeepsTheReasonItWasGiven() {
        long id = queued();
        queue.claim("w").orElseThrow();
        assertTrue(queue.fail(id, "w", "The portfolio cannot be margined as requested: strike missing"));
        ImpactRun run = reload(id);
        assertEquals(RunStatus.FAILED, run.status);
        assertEquals("The portfolio cannot be margined as requested: strike missing", run.failureReason);
        assertFalse(queue.complete(id, "w", "{}", "h".repeat(64), "test"), "a failed run is not completed later");
    }
}
