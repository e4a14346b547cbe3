package org.marginconsult.consultation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The public, read-only consultation API; no token needed. Drafts do not exist here (404).
 * Instants are ISO-8601 UTC; {@code commentPeriod.status} is as of the server clock now.
 */
@Path("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationApi {

    @Inject
    ConsultationService consultations;

    @Inject
    QuestionService questions;

    /** Published consultations, open ones first (closing soonest first), then upcoming, then closed. */
    @GET
    public List<ConsultationView> list() {
        return consultations.list(ConsultationService.Audience.PUBLIC);
    }

    @GET
    @Path("{id}")
    public ConsultationView get(@PathParam("id") long id) {
        return consultations.view(id, ConsultationService.Audience.PUBLIC);
    }

    /** The question tree in the import/export format ({@link QuestionTree}). */
    @GET
    @Path("{id}/questions")
    public QuestionTree questions(@PathParam("id") long id) {
        consultations.view(id, ConsultationService.Audience.PUBLIC);
        return questions.export(id);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return ApiProblems.invalid(e);
    }
}
