package org.marginconsult.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.marginconsult.consultation.ApiProblems;
import org.marginconsult.consultation.CommentPeriodService;
import org.marginconsult.consultation.ConsultationInput;
import org.marginconsult.consultation.ConsultationService;
import org.marginconsult.consultation.ConsultationView;
import org.marginconsult.consultation.InvalidInputException;
import org.marginconsult.consultation.PeriodAction;
import org.marginconsult.consultation.PeriodRequest;
import org.marginconsult.consultation.QuestionImportPlan;
import org.marginconsult.consultation.QuestionService;
import org.marginconsult.consultation.QuestionTree;
import org.marginconsult.security.Roles;

import java.net.URI;
import java.util.List;

/**
 * Administrators' consultation API: create and edit consultations, change comment periods, import
 * questions. Every write is audited. A period change or an import with {@code ?dryRun=true} answers
 * what it would do and writes nothing: the API's confirmation step.
 */
@Path("/api/v1/admin/consultations")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationAdminApi {

    @Inject
    ConsultationService consultations;

    @Inject
    CommentPeriodService periods;

    @Inject
    QuestionService questions;

    /** Every consultation, drafts included, with who recorded each period event. */
    @GET
    public List<ConsultationView> list() {
        return consultations.list(ConsultationService.Audience.ADMIN);
    }

    @GET
    @Path("{id}")
    public ConsultationView get(@PathParam("id") long id) {
        return consultations.view(id, ConsultationService.Audience.ADMIN);
    }

    /** Creates a draft; 201 with its location. */
    @POST
    public Response create(ConsultationInput input) {
        ConsultationView created = consultations.create(requireBody(input));
        return Response.created(URI.create("/api/v1/admin/consultations/" + created.id())).entity(created).build();
    }

    /** Edits a consultation; the body carries the {@code version} read and a {@code reason}. */
    @PUT
    @Path("{id}")
    public ConsultationView update(@PathParam("id") long id, ConsultationInput input) {
        return consultations.update(id, requireBody(input));
    }

    /**
     * Publishes, extends, reopens, closes early or corrects the comment period ({@code action} is one
     * of publish, extend, reopen, close, correct). With {@code dryRun=true}: 200 with the plan (new
     * instants, status before and after); otherwise 201 with the consultation as it now is.
     */
    @POST
    @Path("{id}/period/{action}")
    public Response changePeriod(@PathParam("id") long id, @PathParam("action") String action,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, PeriodRequest request) {
        PeriodAction periodAction = PeriodAction.fromPath(action)
                .orElseThrow(() -> new NotFoundException("No period action " + action
                        + "; use publish, extend, reopen, close or correct"));
        PeriodRequest body = requireBody(request);
        if (dryRun) {
            return Response.ok(periods.preview(id, periodAction, body)).build();
        }
        periods.apply(id, periodAction, body);
        return Response.status(Response.Status.CREATED)
                .entity(consultations.view(id, ConsultationService.Audience.ADMIN)).build();
    }

    /** The question tree, drafts' included, in the import/export format. */
    @GET
    @Path("{id}/questions")
    public QuestionTree exportQuestions(@PathParam("id") long id) {
        return questions.export(id);
    }

    /**
     * Replaces the question tree by the body ({@link QuestionTree} format). With {@code dryRun=true}:
     * the plan only. {@code reason} is required, {@code citation} optional (e.g. the notice's FR citation).
     */
    @PUT
    @Path("{id}/questions")
    public QuestionImportPlan importQuestions(@PathParam("id") long id, @QueryParam("reason") String reason,
            @QueryParam("citation") String citation, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            byte[] document) {
        QuestionTree tree = questions.parse(document);
        return dryRun ? questions.preview(id, tree) : questions.importTree(id, tree, citation, reason, null);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return ApiProblems.invalid(e);
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw InvalidInputException.of("body", "A JSON body is required.");
        }
        return body;
    }
}
