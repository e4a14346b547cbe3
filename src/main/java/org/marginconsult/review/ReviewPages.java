package org.marginconsult.review;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.marginconsult.comment.CommentInputException;
import org.marginconsult.security.Roles;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Agency staff's review page: filed comments by consultation, and withdrawal requests to decide. */
@Path("/review")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    @CheckedTemplate
    static class Templates {
        /**
         * @param errors per field of the decision form of request {@code errorRequest}, which the page shows
         *               next to that form with the note that was typed
         */
        static native TemplateInstance review(ReviewService.Overview overview, String notice, Long errorRequest,
                Map<String, String> errors, String note);
    }

    @Inject
    ReviewService review;

    @GET
    public TemplateInstance review(@QueryParam("decided") String decided, @QueryParam("outcome") String outcome) {
        String notice = decided == null ? null
                : "The withdrawal request for " + decided + " was " + ("granted".equals(outcome) ? "granted" : "denied")
                        + ". The filed comment itself is unchanged; the decision is on its receipt's thread.";
        return Templates.review(review.overview(), notice, null, Map.of(), null);
    }

    @POST
    @Path("/withdrawal-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String note) {
        try {
            if (!"grant".equals(decision) && !"deny".equals(decision)) {
                throw CommentInputException.of("decision", "Choose whether to grant or deny the withdrawal.");
            }
            boolean grant = "grant".equals(decision);
            String tracking = review.decideWithdrawal(id, grant, note);
            return Response.seeOther(URI.create("/review?decided=" + URLEncoder.encode(tracking, StandardCharsets.UTF_8)
                    + "&outcome=" + (grant ? "granted" : "denied") + "#withdrawals")).build();
        } catch (CommentInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.review(review.overview(), null, id, e.errors, note)).build();
        }
    }
}
