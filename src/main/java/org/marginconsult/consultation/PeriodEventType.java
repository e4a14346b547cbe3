package org.marginconsult.consultation;

/** The kinds of change a comment period goes through, each backed by a Federal Register document. */
public enum PeriodEventType {
    /** Publication: the period opens on the publication date and closes N days later by rule. */
    OPEN("Opened"),
    /** The close of a period not yet closed moves later. */
    EXTEND("Extended"),
    /** After a close, a new window opens with its own close. */
    REOPEN("Reopened"),
    /** An open period closes earlier than planned. */
    CLOSE("Closed early"),
    /** A correction notice fixes the current window's opening or closing instant. */
    CORRECTION("Corrected");

    private final String pastTense;

    PeriodEventType(String pastTense) {
        this.pastTense = pastTense;
    }

    public String pastTense() {
        return pastTense;
    }
}
