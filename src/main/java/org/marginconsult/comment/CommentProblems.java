package org.marginconsult.comment;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of the comments API to what a caller can put right: 409 for conflicts (with the
 * differences), 400 for invalid input (with a message per field), 422 when the deadline refuses the
 * comment (with the closing instant in Eastern time), 503 when the store failed and nothing was filed.
 * Pages catch these themselves and re-render the form.
 */
public class CommentProblems {

    @ServerExceptionMapper
    public Response conflict(DraftConflictException e) {
        return json(409, CommentJson.conflict(e));
    }

    @ServerExceptionMapper
    public Response invalid(CommentInputException e) {
        Map<String, Object> body = problem(400, "Bad Request", e.getMessage());
        body.put("errors", e.errors);
        return json(400, body);
    }

    @ServerExceptionMapper
    public Response existing(CommentService.ExistingDraftException e) {
        Map<String, Object> body = problem(409, "Conflict", e.getMessage());
        body.put("draftId", e.draftId);
        return json(409, body);
    }

    @ServerExceptionMapper
    public Response submitted(CommentService.SubmittedException e) {
        return json(409, problem(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response stale(StaleDraftException e) {
        return json(409, problem(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response deadline(SubmissionService.DeadlineRefusedException e) {
        Map<String, Object> body = problem(422, "Comment period closed", e.getMessage());
        body.put("closesAt", e.acceptance.closesAt() == null ? null : e.acceptance.closesAt().toString());
        body.put("closesAtEastern", Times.eastern(e.acceptance.closesAt()));
        body.put("outcome", e.acceptance.outcome().name());
        return json(422, body);
    }

    @ServerExceptionMapper
    public Response notSubmitted(FilingDesk.NotSubmittedException e) {
        return json(503, problem(503, "Not submitted", e.getMessage()));
    }

    private static Map<String, Object> problem(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    private static Response json(int status, Map<String, Object> body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
