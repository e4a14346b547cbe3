package org.marginconsult.consultation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginconsult.support.ConsultationFixtures;
import org.marginconsult.support.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginconsult.support.ConsultationFixtures.body;
import static org.marginconsult.support.ConsultationFixtures.changePeriod;

@QuarkusTest
class CommentDeadlineTest {

    /** Published Fri 26 Jun 2026, 60 days: closes Tue 25 Aug 2026 at 23:59:59 EDT. */
    private static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 26);
    private static final Instant CLOSE = Instant.parse("2026-08-26T03:59:59Z");

    @Inject
    CommentDeadline deadline;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oneSecondBeforeTheCloseACommentIsOnTime() {
        long id = ConsultationFixtures.published("deadline-on-time", PUBLISHED, 60);

        CommentAcceptance acceptance = at(id, CLOSE.minusSeconds(1));

        assertEquals(CommentAcceptance.Outcome.ON_TIME, acceptance.outcome());
        assertTrue(acceptance.accepted());
        assertFalse(acceptance.late());
        assertEquals(CLOSE, acceptance.closesAt());
    }

    @Test
    void theLastFractionOfTheClosingSecondIsStillOnTime() {
        long id = ConsultationFixtures.published("deadline-last-second", PUBLISHED, 60);

        assertEquals(CommentAcceptance.Outcome.ON_TIME, at(id, CLOSE.plusMillis(999)).outcome());
        assertEquals(CommentAcceptance.Outcome.LATE_REFUSED, at(id, CLOSE.plusMillis(1000)).outcome());
    }

    @Test
    void oneSecondAfterTheCloseACommentIsRefusedWhenLateCommentsAreRejected() {
        long id = ConsultationFixtures.published("deadline-refused", PUBLISHED, 60);

        CommentAcceptance acceptance = at(id, CLOSE.plusSeconds(1));

        assertEquals(CommentAcceptance.Outcome.LATE_REFUSED, acceptance.outcome());
        assertFalse(acceptance.accepted());
        assertTrue(acceptance.late());
        assertEquals(LateCommentPolicy.REJECT, acceptance.policy());
        assertTrue(acceptance.message().contains("Tuesday, August 25, 2026 at 11:59:59 PM EDT"), acceptance.message());
        assertTrue(acceptance.message().contains("2026-08-26 03:59:59 UTC"), acceptance.message());
    }

    @Test
    void oneSecondAfterTheCloseACommentIsKeptAndFlaggedWhenThePolicyAcceptsLateComments() {
        Map<String, Object> draft = ConsultationFixtures.draftBody(ConsultationFixtures.uniqueSlug("deadline-flagged"));
        draft.put("lateCommentPolicy", "ACCEPT_FLAGGED");
        long id = ConsultationFixtures.createDraft(draft);
        ConsultationFixtures.publish(id, PUBLISHED, 60).statusCode(201);

        CommentAcceptance acceptance = at(id, CLOSE.plusSeconds(1));

        assertEquals(CommentAcceptance.Outcome.LATE_ACCEPTED, acceptance.outcome());
        assertTrue(acceptance.accepted());
        assertTrue(acceptance.late());
    }

    @Test
    void afterAnExtensionTheNewCloseDecides() {
        long id = ConsultationFixtures.published("deadline-extended", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T12:00:00Z"));
        changePeriod(id, "extend", body("citation", "91 FR 5", "reason", "More time", "closingDate", "2026-09-10"))
                .statusCode(201);
        Instant newClose = Instant.parse("2026-09-11T03:59:59Z");

        assertEquals(CommentAcceptance.Outcome.ON_TIME, at(id, CLOSE.plusSeconds(1)).outcome());
        assertEquals(CommentAcceptance.Outcome.ON_TIME, at(id, newClose.minusSeconds(1)).outcome());
        CommentAcceptance late = at(id, newClose.plusSeconds(1));
        assertEquals(CommentAcceptance.Outcome.LATE_REFUSED, late.outcome());
        assertEquals(newClose, late.closesAt());
    }

    @Test
    void afterAReopeningTheNewWindowIsOnTimeAndTheGapBeforeItIsLate() {
        long id = ConsultationFixtures.published("deadline-reopened", PUBLISHED, 60);
        clock.set(Instant.parse("2026-09-10T12:00:00Z"));
        changePeriod(id, "reopen", body("citation", "91 FR 6", "reason", "Lost comments", "publishedOn", "2026-09-14",
                "closingDate", "2026-09-30")).statusCode(201);

        CommentAcceptance inTheGap = at(id, Instant.parse("2026-09-12T12:00:00Z"));
        assertEquals(CommentAcceptance.Outcome.LATE_REFUSED, inTheGap.outcome());
        assertEquals(CLOSE, inTheGap.closesAt());
        CommentAcceptance reopened = at(id, Instant.parse("2026-09-20T12:00:00Z"));
        assertEquals(CommentAcceptance.Outcome.ON_TIME, reopened.outcome());
        assertEquals(ConsultationStatus.REOPENED, reopened.status());
        assertEquals(Instant.parse("2026-10-01T03:59:59Z"), reopened.closesAt());
        assertEquals(CommentAcceptance.Outcome.LATE_REFUSED, at(id, Instant.parse("2026-10-01T04:00:00Z")).outcome());
    }

    @Test
    void beforeThePeriodOpensACommentIsRefusedAsNotYetOpen() {
        long id = ConsultationFixtures.published("deadline-upcoming", PUBLISHED, 60);

        CommentAcceptance acceptance = at(id, Instant.parse("2026-06-26T03:59:59Z"));

        assertEquals(CommentAcceptance.Outcome.NOT_YET_OPEN, acceptance.outcome());
        assertFalse(acceptance.accepted());
        assertFalse(acceptance.late());
    }

    @Test
    void aDraftAcceptsNoComment() {
        long id = ConsultationFixtures.createDraft("deadline-draft");

        assertEquals(CommentAcceptance.Outcome.NOT_PUBLISHED, at(id, Instant.parse("2026-08-01T00:00:00Z")).outcome());
    }

    @Test
    void theCheckRefusesToRunOutsideTheCallersTransaction() {
        long id = ConsultationFixtures.published("deadline-no-tx", PUBLISHED, 60);

        assertThrows(TransactionalException.class, () -> deadline.acceptanceAt(id, CLOSE));
    }

    @Test
    void anEarlyCloseWaitsForACommentThatIsBeingStoredAgainstTheOldDeadline() throws Exception {
        long id = ConsultationFixtures.published("deadline-lock", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T12:00:00Z"));
        CountDownLatch checked = new CountDownLatch(1);
        CountDownLatch commentStored = new CountDownLatch(1);
        // One thread each: the common pool may have a single worker on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<CommentAcceptance> comment = threads.submit(() ->
                    QuarkusTransaction.requiringNew().call(() -> {
                        CommentAcceptance acceptance = deadline.acceptanceAt(id, clock.instant());
                        checked.countDown();
                        await(commentStored);
                        return acceptance;
                    }));
            assertTrue(checked.await(30, TimeUnit.SECONDS));
            Future<Integer> close = threads.submit(() ->
                    changePeriod(id, "close", body("citation", "91 FR 7", "reason", "Withdrawn")).extract().statusCode());

            assertThrows(TimeoutException.class, () -> close.get(3, TimeUnit.SECONDS),
                    "the close must wait while the comment's transaction holds the consultation");
            commentStored.countDown();
            assertEquals(CommentAcceptance.Outcome.ON_TIME, comment.get(30, TimeUnit.SECONDS).outcome());
            assertEquals(201, close.get(30, TimeUnit.SECONDS));
        } finally {
            commentStored.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void withoutACommentBeingStoredAnEarlyCloseIsImmediate() throws Exception {
        long id = ConsultationFixtures.published("deadline-no-lock", PUBLISHED, 60);
        clock.set(Instant.parse("2026-08-20T12:00:00Z"));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> close = thread.submit(() ->
                    changePeriod(id, "close", body("citation", "91 FR 7", "reason", "Withdrawn")).extract().statusCode());
            assertEquals(201, close.get(3, TimeUnit.SECONDS), "the waiting above is the lock's, not the machine's");
        } finally {
            thread.shutdownNow();
        }
    }

    private CommentAcceptance at(long id, Instant receivedAt) {
        return QuarkusTransaction.requiringNew().call(() -> deadline.acceptanceAt(id, receivedAt));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test did not release the comment transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
