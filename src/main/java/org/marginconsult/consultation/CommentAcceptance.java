package org.marginconsult.consultation;

import java.time.Instant;

/**
 * Whether a comment received at a given instant may be stored, and whether it is late. The answer of
 * {@link CommentDeadline#acceptanceAt(long, Instant)}.
 *
 * @param closesAt the closing instant that decided (after extensions, reopenings and corrections): the
 *     close of the window the instant falls in, or of the latest window before it; null if the period
 *     never opened
 * @param policy the consultation's late-comment policy, which decided a late comment's fate
 */
public record CommentAcceptance(long consultationId, Instant receivedAt, Outcome outcome, ConsultationStatus status,
        Instant closesAt, LateCommentPolicy policy) {

    /** The possible answers. */
    public enum Outcome {
        /** Inside a comment window: store it. */
        ON_TIME,
        /** After the close, and the policy is ACCEPT_FLAGGED: store it, marked late. */
        LATE_ACCEPTED,
        /** After the close, and the policy is REJECT: refuse it. */
        LATE_REFUSED,
        /** Published, but the period has not opened yet: refuse it. */
        NOT_YET_OPEN,
        /** A draft: nobody may comment on it. */
        NOT_PUBLISHED
    }

    public boolean accepted() {
        return outcome == Outcome.ON_TIME || outcome == Outcome.LATE_ACCEPTED;
    }

    public boolean late() {
        return outcome == Outcome.LATE_ACCEPTED || outcome == Outcome.LATE_REFUSED;
    }

    /** A sentence for the commenter, with the closing instant in Eastern time and UTC. */
    public String message() {
        String close = closesAt == null ? "" : DeadlineDisplay.eastern(closesAt) + " (" + DeadlineDisplay.utc(closesAt) + ")";
        return switch (outcome) {
            case ON_TIME -> "Received on time; the comment period closes " + close + ".";
            case LATE_ACCEPTED -> "Received late: the comment period closed " + close
                    + ". The comment is kept and marked late; the agencies need not consider it.";
            case LATE_REFUSED -> "Not accepted: the comment period closed " + close
                    + " and this consultation does not accept late comments.";
            case NOT_YET_OPEN -> "Not accepted: the comment period has not opened yet.";
            case NOT_PUBLISHED -> "Not accepted: this consultation is not published.";
        };
    }
}
