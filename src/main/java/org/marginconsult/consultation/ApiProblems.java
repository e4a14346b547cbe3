package org.marginconsult.consultation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of a refused API call with field errors: the foundation's
 * {@code {"status", "error", "message"}} plus {@code "fields"}, one message per field.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static Response invalid(InvalidInputException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error", "Invalid input");
        body.put("message", e.getMessage());
        body.put("fields", e.errors());
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
