package org.marginconsult.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.marginconsult.consultation.CommentPeriodService;
import org.marginconsult.consultation.ConsultationInput;
import org.marginconsult.consultation.ConsultationService;
import org.marginconsult.consultation.ConsultationStatus;
import org.marginconsult.consultation.ConsultationView;
import org.marginconsult.consultation.InvalidInputException;
import org.marginconsult.consultation.PeriodAction;
import org.marginconsult.consultation.PeriodConflictException;
import org.marginconsult.consultation.PeriodPlan;
import org.marginconsult.consultation.PeriodRequest;
import org.marginconsult.consultation.QuestionImportPlan;
import org.marginconsult.consultation.QuestionService;
import org.marginconsult.consultation.QuestionTree;
import org.marginconsult.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The administrators' consultation pages: create and edit consultations, change their comment periods
 * (each change previewed with its new instant in Eastern time and UTC before it is recorded), import and
 * edit questions. Every change is audited by the services.
 */
@Path("/admin/consultations")
@RolesAllowed(Roles.ADMIN)
public class ConsultationAdminPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ConsultationView> consultations, Instant now);

        static native TemplateInstance form(ConsultationForm form, FormErrors errors, ConsultationView existing,
                String formAction);

        static native TemplateInstance detail(ConsultationView c, List<PeriodAction> actions, String done, Instant now);

        static native TemplateInstance period(ConsultationView c, PeriodAction change, PeriodForm form, FormErrors errors,
                Instant now);

        static native TemplateInstance confirm(ConsultationView c, PeriodAction change, PeriodForm form, PeriodPlan plan);

        static native TemplateInstance importQuestions(ConsultationView c, String document, String citation,
                String reason, FormErrors errors);

        static native TemplateInstance confirmImport(ConsultationView c, QuestionImportPlan plan, String document,
                String citation, String reason, String fingerprint);

        static native TemplateInstance question(ConsultationView c, ConsultationView.SectionView section,
                String questionId, QuestionForm form, FormErrors errors, String formAction);
    }

    private static final String CREATE = "/admin/consultations";

    @Inject
    ConsultationService consultations;

    @Inject
    CommentPeriodService periods;

    @Inject
    QuestionService questions;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.list(consultations.list(ConsultationService.Audience.ADMIN), clock.instant());
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance createForm() {
        return Templates.form(ConsultationForm.blank(), FormErrors.none(), null, CREATE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam ConsultationForm form) {
        Map<String, String> errors = ConsultationForm.newErrors();
        ConsultationInput input = form.toInput(errors);
        if (!errors.isEmpty()) {
            consultations.problems(input, true).forEach(errors::putIfAbsent);
            return refused(Templates.form(form, FormErrors.of(errors), null, CREATE));
        }
        try {
            ConsultationView created = consultations.create(input);
            return seeOther("/admin/consultations/" + created.id() + "?done=created");
        } catch (InvalidInputException e) {
            return refused(Templates.form(form, FormErrors.of(e.errors()), null, CREATE));
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("done") String done) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        return Templates.detail(c, allowedActions(c.commentPeriod().status()), doneMessage(done), clock.instant());
    }

    @GET
    @Path("{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance editForm(@PathParam("id") long id) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        return Templates.form(ConsultationForm.of(consultations.currentInput(id)), FormErrors.none(), c, editAction(id));
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response edit(@PathParam("id") long id, @BeanParam ConsultationForm form) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        form.slug = c.slug();
        Map<String, String> errors = ConsultationForm.newErrors();
        ConsultationInput input = form.toInput(errors);
        if (!errors.isEmpty()) {
            consultations.problems(input, false).forEach(errors::putIfAbsent);
            return refused(Templates.form(form, FormErrors.of(errors), c, editAction(id)));
        }
        try {
            consultations.update(id, input);
            return seeOther("/admin/consultations/" + id + "?done=updated");
        } catch (InvalidInputException e) {
            return refused(Templates.form(form, FormErrors.of(e.errors()), c, editAction(id)));
        } catch (PeriodConflictException e) {
            return Response.status(409).entity(Templates.form(form, FormErrors.conflict(e.getMessage()), c, editAction(id))).build();
        }
    }

    /** The form of a period change, filled with what the current state suggests. */
    @GET
    @Path("{id}/period/{action}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance periodForm(@PathParam("id") long id, @PathParam("action") String action) {
        PeriodAction periodAction = action(action);
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        PeriodForm form = new PeriodForm();
        form.expectedEventCount = String.valueOf(c.commentPeriod().events().size());
        if (periodAction == PeriodAction.PUBLISH) {
            form.publishedOn = c.commentPeriod().publishedOn() == null ? null : c.commentPeriod().publishedOn().toString();
            form.periodDays = String.valueOf(c.commentPeriod().periodDays());
        }
        FormErrors errors = allowedActions(c.commentPeriod().status()).contains(periodAction) ? FormErrors.none()
                : FormErrors.conflict(periodAction.label() + " is not possible while the consultation is "
                        + c.commentPeriod().status().label().toLowerCase() + ".");
        return Templates.period(c, periodAction, form, errors, clock.instant());
    }

    /**
     * Step "preview" (the default) shows the confirmation with the new instants; step "confirm" records
     * the change and redirects; step "edit" goes back to the form with the values entered.
     */
    @POST
    @Path("{id}/period/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changePeriod(@PathParam("id") long id, @PathParam("action") String action,
            @BeanParam PeriodForm form) {
        PeriodAction periodAction = action(action);
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        if ("edit".equals(form.step)) {
            return Response.ok(Templates.period(c, periodAction, form, FormErrors.none(), clock.instant())).build();
        }
        Map<String, String> errors = ConsultationForm.newErrors();
        PeriodRequest request = form.toRequest(errors);
        if (!errors.isEmpty()) {
            return refused(Templates.period(c, periodAction, form, FormErrors.of(errors), clock.instant()));
        }
        try {
            if ("confirm".equals(form.step)) {
                periods.apply(id, periodAction, request);
                return seeOther("/admin/consultations/" + id + "?done=" + periodAction.path());
            }
            PeriodPlan plan = periods.preview(id, periodAction, request);
            return Response.ok(Templates.confirm(c, periodAction, form, plan)).build();
        } catch (InvalidInputException e) {
            return refused(Templates.period(c, periodAction, form, FormErrors.of(e.errors()), clock.instant()));
        } catch (PeriodConflictException e) {
            ConsultationView now = consultations.view(id, ConsultationService.Audience.ADMIN);
            form.expectedEventCount = String.valueOf(now.commentPeriod().events().size());
            return Response.status(409).entity(Templates.period(now, periodAction, form,
                    FormErrors.conflict(e.getMessage()), clock.instant())).build();
        }
    }

    @GET
    @Path("{id}/questions/import")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance importForm(@PathParam("id") long id) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        return Templates.importQuestions(c, questions.exportJson(id), null, null, FormErrors.none());
    }

    /** An uploaded file wins over the pasted text. Step "preview" shows what changes; "confirm" applies it. */
    @POST
    @Path("{id}/questions/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importQuestions(@PathParam("id") long id, @RestForm("file") FileUpload file,
            @RestForm String document, @RestForm String citation, @RestForm String reason, @RestForm String step,
            @RestForm String fingerprint) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        String text = document;
        try {
            if (file != null && file.size() > 0) {
                text = read(file);
            }
            QuestionTree tree = questions.parse(text);
            if ("confirm".equals(step)) {
                questions.importTree(id, tree, citation, reason, fingerprint);
                return seeOther("/admin/consultations/" + id + "?done=questions");
            }
            if (reason == null || reason.isBlank()) {
                throw InvalidInputException.of("reason", "Required.");
            }
            QuestionImportPlan plan = questions.preview(id, tree);
            if (!plan.changesSomething()) {
                throw InvalidInputException.of("document", "This changes nothing: the questions are already as given.");
            }
            return Response.ok(Templates.confirmImport(c, plan, text, citation, reason, questions.fingerprint(id))).build();
        } catch (InvalidInputException e) {
            return refused(Templates.importQuestions(c, text, citation, reason, FormErrors.of(e.errors())));
        } catch (PeriodConflictException e) {
            return Response.status(409).entity(Templates.importQuestions(c, text, citation, reason,
                    FormErrors.conflict(e.getMessage()))).build();
        }
    }

    @GET
    @Path("{id}/questions/{questionId}/edit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance questionForm(@PathParam("id") long id, @PathParam("questionId") String questionId) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        ConsultationView.SectionView section = sectionOfQuestion(c, questionId);
        ConsultationView.QuestionView q = section.questions().stream().filter(x -> x.id().equals(questionId))
                .findFirst().orElseThrow();
        return Templates.question(c, section, questionId, QuestionForm.of(q), FormErrors.none(),
                editQuestionAction(id, questionId));
    }

    @POST
    @Path("{id}/questions/{questionId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response editQuestion(@PathParam("id") long id, @PathParam("questionId") String questionId,
            @BeanParam QuestionForm form) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        ConsultationView.SectionView section = sectionOfQuestion(c, questionId);
        Map<String, String> errors = ConsultationForm.newErrors();
        var parts = form.partList(errors);
        if (!errors.isEmpty()) {
            return refused(Templates.question(c, section, questionId, form, FormErrors.of(errors),
                    editQuestionAction(id, questionId)));
        }
        try {
            questions.editQuestion(id, questionId, new QuestionService.QuestionEdit(form.number, form.text,
                    form.isProvisional(), parts, form.withdrawn != null), form.reason);
            return seeOther("/admin/consultations/" + id + "?done=question");
        } catch (InvalidInputException e) {
            return refused(Templates.question(c, section, questionId, form, FormErrors.of(questionErrors(e)),
                    editQuestionAction(id, questionId)));
        }
    }

    @GET
    @Path("{id}/sections/{sectionId}/questions/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newQuestionForm(@PathParam("id") long id, @PathParam("sectionId") String sectionId) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        return Templates.question(c, section(c, sectionId), null, new QuestionForm(), FormErrors.none(),
                newQuestionAction(id, sectionId));
    }

    @POST
    @Path("{id}/sections/{sectionId}/questions/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response addQuestion(@PathParam("id") long id, @PathParam("sectionId") String sectionId,
            @BeanParam QuestionForm form) {
        ConsultationView c = consultations.view(id, ConsultationService.Audience.ADMIN);
        ConsultationView.SectionView section = section(c, sectionId);
        Map<String, String> errors = ConsultationForm.newErrors();
        var parts = form.partList(errors);
        if (!errors.isEmpty()) {
            return refused(Templates.question(c, section, null, form, FormErrors.of(errors), newQuestionAction(id, sectionId)));
        }
        try {
            questions.addQuestion(id, sectionId, new QuestionService.QuestionEdit(form.number, form.text,
                    form.isProvisional(), parts, false), form.reason);
            return seeOther("/admin/consultations/" + id + "?done=question");
        } catch (InvalidInputException e) {
            return refused(Templates.question(c, section, null, form, FormErrors.of(questionErrors(e)),
                    newQuestionAction(id, sectionId)));
        }
    }

    /** The changes that make sense in each status; the service enforces the same rules. */
    static List<PeriodAction> allowedActions(ConsultationStatus status) {
        return switch (status) {
            case DRAFT -> List.of(PeriodAction.PUBLISH);
            case UPCOMING -> List.of(PeriodAction.EXTEND, PeriodAction.CORRECT);
            case OPEN, REOPENED -> List.of(PeriodAction.EXTEND, PeriodAction.CLOSE, PeriodAction.CORRECT);
            case CLOSED -> List.of(PeriodAction.REOPEN, PeriodAction.CORRECT);
        };
    }

    private static String doneMessage(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "created" -> "The consultation was created as a draft.";
            case "updated" -> "The changes were saved.";
            case "questions" -> "The questions were imported.";
            case "question" -> "The question was saved.";
            default -> PeriodAction.fromPath(done).map(a -> a.label() + ": the change was recorded in the period history.")
                    .orElse(null);
        };
    }

    /** Errors of a single-question edit point at the form's fields, not at paths in the whole tree. */
    private static Map<String, String> questionErrors(InvalidInputException e) {
        Map<String, String> errors = ConsultationForm.newErrors();
        e.errors().forEach((path, message) -> {
            String field = path.endsWith(".number") ? "number" : path.endsWith(".text") && !path.contains("parts") ? "text"
                    : path.contains("parts") ? "parts" : path.equals("reason") ? "reason" : path;
            errors.putIfAbsent(field, message);
        });
        return errors;
    }

    private static ConsultationView.SectionView sectionOfQuestion(ConsultationView c, String questionId) {
        return c.sections().stream().filter(s -> s.questions().stream().anyMatch(q -> q.id().equals(questionId)))
                .findFirst().orElseThrow(() -> new NotFoundException("No question " + questionId));
    }

    private static ConsultationView.SectionView section(ConsultationView c, String sectionId) {
        return c.sections().stream().filter(s -> s.id().equals(sectionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No section " + sectionId));
    }

    private static PeriodAction action(String path) {
        return PeriodAction.fromPath(path).orElseThrow(() -> new NotFoundException("No period action " + path));
    }

    private static String read(FileUpload file) {
        if (file.size() > QuestionService.MAX_DOCUMENT_BYTES) {
            throw InvalidInputException.of("document", "The file is " + file.size() + " bytes; at most "
                    + QuestionService.MAX_DOCUMENT_BYTES + " are accepted.");
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InvalidInputException.of("document", "The file is not UTF-8 text; save it as UTF-8 JSON.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String editAction(long id) {
        return "/admin/consultations/" + id + "/edit";
    }

    private static String editQuestionAction(long id, String questionId) {
        return "/admin/consultations/" + id + "/questions/" + questionId + "/edit";
    }

    private static String newQuestionAction(long id, String sectionId) {
        return "/admin/consultations/" + id + "/sections/" + sectionId + "/questions/new";
    }

    private static Response refused(TemplateInstance page) {
        return Response.status(400).entity(page).build();
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
