package org.marginconsult.impact;

/** Where an impact run is: queued, running (with progress), done (with a result) or failed (with a reason). */
public enum RunStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Whether the run is still waiting for or holding a worker. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
