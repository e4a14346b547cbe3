package org.marginconsult.consultation;

/**
 * What happens to a comment received after the comment period closed. Agencies need not consider
 * late comments; Regulations.gov carries the same choice per document as {@code allowLateComments}.
 */
public enum LateCommentPolicy {
    /** A late comment is refused, with the closing instant in the message. */
    REJECT("Late comments are refused"),
    /** A late comment is received and marked late; the agency decides whether to consider it. */
    ACCEPT_FLAGGED("Late comments are received and marked late");

    private final String description;

    LateCommentPolicy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
