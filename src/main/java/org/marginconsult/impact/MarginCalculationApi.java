package org.marginconsult.impact;

import java.util.List;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/margin/calculate}: the margin a list of positions requires under one methodology
 * (docs/api.md). Bearer token, any role. 200 with the result; 400 with
 * {@code {"errors":[{"position":3,"field":"strike","message":"..."}]}}, one error per bad field.
 */
@Path("/api/v1/margin/calculate")
@Authenticated
public class MarginCalculationApi {

    /** The body of a refused request. */
    public record Errors(List<ApiError> errors) {
    }

    @Inject
    MarginCalculationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response calculate(String body) {
        try {
            return Response.ok(service.calculate(body)).build();
        } catch (MarginRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                    .entity(new Errors(e.errors())).build();
        }
    }
}
