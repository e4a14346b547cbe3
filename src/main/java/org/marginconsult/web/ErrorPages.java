package org.marginconsult.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.marginconsult.security.NoFirmException;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure into a page a person can act on (HTML) or a small JSON body (under /api).
 * Never shows a stack trace: an unexpected error is logged with an incident id that the page quotes.
 * A missing login is left to Quarkus: a page redirects to Keycloak, an API call answers 401.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    /** An error as shown to a reader. */
    public record Problem(int status, String title, String message, String incident) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return render(uri, new Problem(404, "Not found",
                "There is nothing at this address, or it is not yours to see.", null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return render(uri, new Problem(403, "Not allowed", uri.getPath().startsWith("/api/")
                ? "Your role does not give access to this endpoint. GET /api/v1/me shows your roles; docs/api.md"
                        + " says which roles each endpoint takes."
                : "Your role does not give access to this page. The navigation shows what your role may use.", null));
    }

    @ServerExceptionMapper
    public Response noFirm(NoFirmException e, UriInfo uri) {
        return render(uri, new Problem(403, "Your account is not linked to a firm", e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // The JSON reader wraps a body it cannot parse in a bare 400; say where the body stops making sense.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        String message = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? Response.Status.fromStatusCode(status) == null ? "The request could not be served."
                        : Response.Status.fromStatusCode(status).getReasonPhrase()
                : e.getMessage();
        return render(uri, new Problem(status, reason(status), message, null));
    }

    /**
     * PostgreSQL stores no NUL character (U+0000) in text or JSON. A value that still carries one past the
     * checks of its feature fails there (SQLSTATE 22021 in text, 22P05 in JSON); the transaction has rolled
     * back, so the reader is told what to remove, not that the server failed.
     */
    @ServerExceptionMapper
    public Response unstorableCharacter(DataException e, UriInfo uri) {
        String state = e.getSQLState();
        if (!"22021".equals(state) && !"22P05".equals(state)) {
            return unexpected(e, uri);
        }
        return render(uri, new Problem(400, reason(400), "A value you sent contains a NUL character (U+0000), which"
                + " cannot be stored. Remove it and send again; nothing was saved.", null));
    }

    /**
     * A JSON body whose value does not fit the field it is read into (text where a number goes, a string
     * where a list goes). Without this the framework answers a bare 400 with an empty body.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String path = JsonErrors.path(e.getPath());
        String got = e instanceof InvalidFormatException f && f.getValue() != null
                ? ", got '" + JsonErrors.shorten(String.valueOf(f.getValue())) + "'" : "";
        String expected = JsonErrors.expected(e.getTargetType());
        return render(uri, new Problem(400, reason(400), (path.isEmpty() ? "The body" : path) + " must be "
                + expected + got + "; nothing was saved.", null));
    }

    /** A body that is not JSON at all, or is cut off: where it stops making sense. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedJson(mismatched, uri);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return render(uri, new Problem(400, reason(400), "The body is not valid JSON" + where + ": "
                + JsonErrors.shorten(e.getOriginalMessage()) + ". Nothing was saved.", null));
    }

    /** A multipart body cut off before its closing boundary is the sender's, not the server's, failure. */
    @ServerExceptionMapper
    public Response truncatedBody(IOException e, UriInfo uri) {
        if (e.getMessage() == null || !e.getMessage().contains("multipart")) {
            return unexpected(e, uri);
        }
        return render(uri, new Problem(400, reason(400), "The multipart body ended before its closing boundary: the"
                + " upload was cut off or is malformed. Send it again; nothing was saved.", null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Incident %s on %s", incident, uri.getPath());
        return render(uri, new Problem(500, "Something went wrong on our side",
                "Nothing you did caused this, and nothing was half-saved. Please try again; if it keeps happening,"
                        + " quote incident " + incident + " to the operators.", incident));
    }

    /**
     * quarkus-rest-csrf refuses a form post without a valid token by aborting with a bare 400, which a
     * browser shows as a blank page; the reader must learn that nothing was saved and how to send it again.
     */
    @ServerResponseFilter
    public void refusedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || "GET".equals(request.getMethod())
                || request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Problem problem = new Problem(400, "The form could not be accepted",
                "The form arrived without a valid security token, so nothing was saved. This happens when the"
                        + " page was opened before your browser's security cookie expired or was cleared. Go back"
                        + " with your browser, copy anything you typed, reload the page and send the form again.",
                null);
        response.setEntity(Templates.error(problem).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private static Response render(UriInfo uri, Problem problem) {
        if (uri.getPath().startsWith("/api/")) {
            Map<String, Object> body = problem.incident() == null
                    ? Map.of("status", problem.status(), "error", problem.title(), "message", problem.message())
                    : Map.of("status", problem.status(), "error", problem.title(), "message", problem.message(),
                            "incident", problem.incident());
            return Response.status(problem.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem)).build();
    }
}
