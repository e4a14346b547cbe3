package org.marginconsult.impact;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** The firm already has as many runs queued or running as it may: answered 429 with the reason. */
public class TooManyRunsException extends WebApplicationException {

    public TooManyRunsException(int active, int limit) {
        super("Your firm already has " + active + " impact run" + (active == 1 ? "" : "s")
                + " queued or running, the most allowed at once (" + limit + "). Wait for one to finish, then start "
                + "this one again.", Response.Status.TOO_MANY_REQUESTS);
    }
}
