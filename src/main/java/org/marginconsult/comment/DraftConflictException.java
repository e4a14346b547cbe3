package org.marginconsult.comment;

import java.time.Instant;
import java.util.List;

/**
 * A save based on an older version of the draft than the one stored: someone else saved in between.
 * Carries who, when, and what they changed, so the editor can merge instead of overwriting.
 */
public class DraftConflictException extends RuntimeException {

    public final long draftId;
    public final int yourVersion;
    public final int currentVersion;
    public final String changedBy;
    public final Instant changedAt;
    public final List<DraftContent.FieldChange> theirChanges;
    /** The draft as the editor saw it (null if that version is unknown) and as it is now. */
    public final DraftContent base;
    public final DraftContent current;

    public DraftConflictException(long draftId, int yourVersion, int currentVersion, String changedBy, Instant changedAt,
            List<DraftContent.FieldChange> theirChanges, DraftContent base, DraftContent current) {
        super("This comment was changed by " + changedBy + " at " + Times.eastern(changedAt) + " (version "
                + currentVersion + "; you edited version " + yourVersion + "). Nothing of yours was saved yet: "
                + "review the differences and save again.");
        this.draftId = draftId;
        this.yourVersion = yourVersion;
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.theirChanges = theirChanges;
        this.base = base;
        this.current = current;
    }
}
