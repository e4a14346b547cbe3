package org.marginconsult.consultation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an administrator does to a comment period; each one records one {@link PeriodEventType}. */
public enum PeriodAction {
    PUBLISH(PeriodEventType.OPEN, "Publish", "Record the Federal Register publication: the period opens on the publication date."),
    EXTEND(PeriodEventType.EXTEND, "Extend", "Move the close of a period that has not closed yet to a later date."),
    REOPEN(PeriodEventType.REOPEN, "Reopen", "Open a new window after the period closed."),
    CLOSE(PeriodEventType.CLOSE, "Close early", "Close an open period now, or at an earlier instant than planned."),
    CORRECT(PeriodEventType.CORRECTION, "Correct", "Fix the current window's opening or closing as a correction notice states it.");

    private final PeriodEventType eventType;
    private final String label;
    private final String description;

    PeriodAction(PeriodEventType eventType, String label, String description) {
        this.eventType = eventType;
        this.label = label;
        this.description = description;
    }

    public PeriodEventType eventType() {
        return eventType;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The path segment: publish, extend, reopen, close, correct. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PeriodAction> fromPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path().equals(path)).findFirst();
    }
}
