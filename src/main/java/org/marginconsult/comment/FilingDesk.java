package org.marginconsult.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Where pages and the API file a comment: runs the submitting transaction, and only once it has
 * committed issues the receipt. A failure of the store is reported as "not submitted, try again",
 * never as a receipt; a retry after a lost answer finds the stored submission and returns it.
 */
@ApplicationScoped
public class FilingDesk {

    private static final Logger LOG = Logger.getLogger(FilingDesk.class);

    @Inject
    SubmissionService submissions;

    /** The outcome and the receipt, which exists only because the submission committed. */
    public record Filed(Submission submission, Receipt receipt, boolean created) {
    }

    /** The comment could not be stored; nothing was filed. */
    public static class NotSubmittedException extends RuntimeException {
        public NotSubmittedException(Throwable cause) {
            super("Not submitted: the comment could not be stored, so nothing was filed and no receipt was issued. "
                    + "Please try again in a moment.", cause);
        }
    }

    public Filed file(long draftId, String idempotencyKey, Integer expectedVersion) {
        SubmissionService.Outcome outcome;
        try {
            outcome = submissions.submit(draftId, idempotencyKey, expectedVersion);
        } catch (CommentInputException | DraftConflictException | StaleDraftException
                | SubmissionService.DeadlineRefusedException | CommentService.SubmittedException
                | WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent submit of the same draft may have won the unique constraint: that one stands.
            Optional<Submission> winner = existing(draftId);
            if (winner.isPresent()) {
                outcome = new SubmissionService.Outcome(winner.get(), false);
            } else {
                LOG.errorf(e, "Submit of draft %d failed; nothing was stored", draftId);
                throw new NotSubmittedException(e);
            }
        }
        Receipt receipt = submissions.issueReceipt(outcome.submission().id);
        return new Filed(outcome.submission(), receipt, outcome.created());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Submission> existing(long draftId) {
        return Submission.ofDraft(draftId);
    }
}
