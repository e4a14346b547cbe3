package org.marginconsult.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The deadline check for comments, for the code that stores them (the comment feature). Call it inside
 * the transaction that writes the comment, with the instant taken from the application clock in that
 * transaction:
 * <pre>{@code
 * @Transactional
 * Submission submit(...) {
 *     Instant receivedAt = clock.instant();
 *     CommentAcceptance acceptance = deadline.acceptanceAt(consultationId, receivedAt);
 *     if (!acceptance.accepted()) throw ... acceptance.message() ...;
 *     submission.late = acceptance.late();
 *     ...
 * }
 * }</pre>
 * It takes a shared lock on the consultation row until that transaction ends, so an administrator's
 * extension, early close or correction (which takes the exclusive lock) is ordered entirely before or
 * entirely after the comment: a comment is never judged against a deadline that changed under it.
 */
@ApplicationScoped
public class CommentDeadline {

    /**
     * Whether consultation {@code consultationId} accepts a comment received at {@code receivedAt},
     * judged against its current comment period (after every extension, reopening, close and
     * correction) and, if late, its late-comment policy.
     *
     * @throws jakarta.ws.rs.NotFoundException if there is no such consultation
     * @throws jakarta.transaction.TransactionalException if called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CommentAcceptance acceptanceAt(long consultationId, Instant receivedAt) {
        Consultation c = ConsultationService.require(consultationId, LockModeType.PESSIMISTIC_READ);
        CommentPeriod period = c.commentPeriod();
        ConsultationStatus status = period.statusAt(receivedAt);
        Instant closesAt = period.windowFor(receivedAt).map(CommentPeriod.Window::closesAt).orElse(null);
        CommentAcceptance.Outcome outcome = switch (status) {
            case DRAFT -> CommentAcceptance.Outcome.NOT_PUBLISHED;
            case UPCOMING -> CommentAcceptance.Outcome.NOT_YET_OPEN;
            case OPEN, REOPENED -> CommentAcceptance.Outcome.ON_TIME;
            case CLOSED -> c.lateCommentPolicy == LateCommentPolicy.ACCEPT_FLAGGED
                    ? CommentAcceptance.Outcome.LATE_ACCEPTED
                    : CommentAcceptance.Outcome.LATE_REFUSED;
        };
        return new CommentAcceptance(consultationId, receivedAt, outcome, status, closesAt, c.lateCommentPolicy);
    }
}
