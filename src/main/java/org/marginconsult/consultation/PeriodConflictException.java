package org.marginconsult.consultation;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * A change the comment period's current state does not allow (extending a closed period, reopening an
 * open one), or a change previewed against a period that has changed since. Answered with 409.
 */
public class PeriodConflictException extends ClientErrorException {

    public PeriodConflictException(String message) {
        super(message, Response.Status.CONFLICT);
    }
}
