package org.marginconsult.comment;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
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
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;
import org.marginconsult.consultation.Agency;
import org.marginconsult.security.CurrentUser;
import org.marginconsult.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The comment pages: the firm's comments, the draft editor (one form, saved with a button; autosave in
 * js/comment-autosave.js only enhances it), version history, preview of both versions and submit.
 */
@Path("/comments")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CommentPages {

    /** One question of the editor with its answer as shown. */
    public record QuestionRow(String key, String number, String section, boolean sectionStart, String text,
            String answer, boolean confidential, String grounds, List<SummaryOption> summaries,
            List<ImpactSummaries.Table> tables, List<String> charts, String error) {
    }

    /** One of the firm's impact summaries offered under a question, ticked if attached to it. */
    public record SummaryOption(ImpactSummaries.Choice summary, boolean checked) {
    }

    /** One attached file as the editor lists it. */
    public record AttachmentRow(long id, String fileName, String kind, long sizeBytes, String sha256, boolean confidential,
            String grounds) {
    }

    /** Who changed the draft in between, and what. */
    public record ConflictView(String message, List<DraftContent.FieldChange> changes) {
    }

    /** Everything the editor shows. */
    public record Editor(long draftId, String consultationTitle, String closesAt, int version, boolean submitted,
            String trackingNumber, Long supplementOf, String organization, String category, String contactName,
            String contactEmail, String contactPhone, boolean fileWithSec, boolean fileWithCftc, boolean offersSec,
            boolean offersCftc, String coverLetter, List<QuestionRow> questions, List<AttachmentRow> attachments,
            Map<String, String> errors, String notice, ConflictView conflict, boolean impactAvailable) {

        public String formAction() {
            return "/comments/" + draftId;
        }

        public List<SubmitterCategory> categories() {
            return Arrays.asList(SubmitterCategory.values());
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public Collection<String> errorList() {
            return errors.values();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CommentDraft> drafts, Map<Long, String> titles,
                List<ConsultationFacts.OpenConsultation> open, String error);

        static native TemplateInstance edit(Editor editor);

        static native TemplateInstance history(long draftId, String consultationTitle,
                List<CommentService.VersionChanges> versions);

        static native TemplateInstance preview(long draftId, String submitAction, String consultationTitle,
                SubmissionService.Preview preview, String idempotencyKey, String closesAt, String error);
    }

    @Inject
    CommentService comments;

    @Inject
    SubmissionService submissions;

    @Inject
    FilingDesk desk;

    @Inject
    ConsultationFacts consultations;

    @Inject
    Instance<ImpactSummaries> impact;

    @Inject
    CurrentUser user;

    /** Only participants comment: staff and administrators get the forbidden page, not a start button. */
    @GET
    @RolesAllowed(Roles.PARTICIPANT)
    public TemplateInstance list() {
        return list(null);
    }

    private TemplateInstance list(String error) {
        List<CommentDraft> drafts = comments.ofMyFirm();
        Map<Long, String> titles = new java.util.HashMap<>();
        drafts.forEach(d -> titles.computeIfAbsent(d.consultationId, consultations::title));
        return Templates.list(drafts, titles, consultations.openNow(), error);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PARTICIPANT)
    public Response start(@RestForm Long consultationId) {
        if (consultationId == null) {
            return Response.status(400).entity(list("Choose a consultation to comment on.")).build();
        }
        long id;
        try {
            id = comments.start(consultationId, null).id;
        } catch (CommentService.ExistingDraftException e) {
            id = e.draftId;
        }
        return seeOther("/comments/" + id);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") String saved) {
        CommentService.DraftView view = comments.view(id);
        return Templates.edit(editor(view, null, Map.of(), saved != null ? "Saved as version " + view.draft().version + "." : null,
                null));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response save(@PathParam("id") long id, MultipartFormDataInput form) {
        CommentService.DraftView view = comments.view(id);
        DraftEdit edit = parse(view, form);
        List<DraftEdit.NewFile> files;
        try {
            files = newFiles(form);
        } catch (CommentInputException e) {
            return Response.status(400).entity(Templates.edit(editor(view, edit, e.errors, null, null))).build();
        }
        try {
            comments.save(id, edit, files);
        } catch (DraftConflictException e) {
            CommentService.DraftView current = comments.view(id);
            DraftEdit merged = merge(e, edit);
            return Response.status(409).entity(Templates.edit(editor(current, merged, Map.of(), null,
                    new ConflictView(e.getMessage(), e.theirChanges)))).build();
        } catch (CommentInputException e) {
            return Response.status(400).entity(Templates.edit(editor(view, edit, e.errors, null, null))).build();
        } catch (CommentService.SubmittedException e) {
            return Response.status(409).entity(Templates.edit(editor(comments.view(id), null,
                    Map.of("status", e.getMessage()), null, null))).build();
        }
        return seeOther("preview".equals(value(form, "action")) ? "/comments/" + id + "/preview" : "/comments/" + id + "?saved=1");
    }

    @GET
    @Path("/{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        CommentService.DraftView view = comments.view(id);
        return Templates.history(id, view.consultationTitle(), comments.historyWithChanges(id));
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        Attachment a = comments.attachment(id, attachmentId);
        return download(a);
    }

    static Response download(Attachment a) {
        String safe = a.fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return Response.ok(a.content, a.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + safe + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("/{id}/preview")
    public TemplateInstance preview(@PathParam("id") long id) {
        CommentService.DraftView view = comments.view(id);
        return Templates.preview(id, "/comments/" + id + "/submit", view.consultationTitle(), submissions.preview(id), UUID.randomUUID().toString(),
                closesAt(view), null);
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") long id, @RestForm Integer version, @RestForm String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        String error;
        int status;
        try {
            FilingDesk.Filed filed = desk.file(id, key, version);
            return seeOther("/receipts/" + filed.submission().trackingNumber);
        } catch (SubmissionService.DeadlineRefusedException e) {
            error = e.getMessage();
            status = 422;
        } catch (CommentInputException e) {
            error = "Not submitted: " + String.join(" ", e.errors.values());
            status = 400;
        } catch (StaleDraftException | CommentService.SubmittedException e) {
            error = e.getMessage();
            status = 409;
        } catch (FilingDesk.NotSubmittedException e) {
            error = e.getMessage();
            status = 503;
        }
        CommentService.DraftView view = comments.view(id);
        return Response.status(status).entity(Templates.preview(id, "/comments/" + id + "/submit", view.consultationTitle(), submissions.preview(id), key,
                closesAt(view), error)).build();
    }

    private String closesAt(CommentService.DraftView view) {
        return consultations.require(view.draft().consultationId).commentPeriod().closesAt().map(Times::eastern).orElse("");
    }

    private Editor editor(CommentService.DraftView view, DraftEdit shown, Map<String, String> errors, String notice,
            ConflictView conflict) {
        CommentDraft d = view.draft();
        List<QuestionRow> rows = new ArrayList<>();
        String lastSection = null;
        List<ImpactSummaries.Choice> choices = new ArrayList<>();
        if (impact.isResolvable()) {
            choices.addAll(impact.get().ofFirm(d.consultationId, d.firm));
            // a summary attached through the API for another consultation stays on offer, or saving the form would drop it
            d.impactLinks.stream().map(l -> l.summaryId).distinct()
                    .filter(id -> choices.stream().noneMatch(c -> c.id() == id))
                    .forEach(id -> impact.get().choice(id, d.firm).ifPresent(choices::add));
        }
        for (ConsultationFacts.QuestionRef q : view.questions()) {
            Optional<Answer> stored = d.answers.stream().filter(a -> a.questionKey.equals(q.key())).findFirst();
            Optional<DraftEdit.AnswerInput> typed = shown == null || shown.answers() == null ? Optional.empty()
                    : shown.answers().stream().filter(a -> q.key().equals(a.questionId())).findFirst();
            String answer = typed.map(DraftEdit.AnswerInput::text).orElse(stored.map(a -> a.body).orElse(""));
            boolean confidential = typed.map(DraftEdit.AnswerInput::confidential).orElse(stored.map(a -> a.confidential).orElse(false));
            String grounds = typed.map(DraftEdit.AnswerInput::grounds).orElse(stored.map(a -> a.grounds).orElse(""));
            List<Long> ids = d.impactLinks.stream().filter(l -> l.questionKey.equals(q.key())).map(l -> l.summaryId).sorted().toList();
            List<Long> ticked = shown != null && shown.summaries() != null && shown.summaries().containsKey(q.key())
                    ? shown.summaries().get(q.key()) : ids;
            List<SummaryOption> options = choices.stream().map(c -> new SummaryOption(c, ticked.contains(c.id()))).toList();
            List<ImpactSummaries.Table> tables = new ArrayList<>();
            List<String> charts = new ArrayList<>();
            if (impact.isResolvable()) {
                ids.forEach(sid -> impact.get().find(sid, d.firm).ifPresent(tables::add));
                ids.forEach(sid -> impact.get().chart(sid, d.firm).ifPresent(c -> charts.add(c.svg())));
            }
            String section = q.sectionNumber() + ". " + q.sectionTitle();
            String error = errors.get("answers." + q.key()) != null ? errors.get("answers." + q.key())
                    : errors.get("answers." + q.key() + ".grounds") != null ? errors.get("answers." + q.key() + ".grounds")
                    : errors.get("summaries." + q.key());
            rows.add(new QuestionRow(q.key(), q.number(), section, !section.equals(lastSection), q.text(), answer,
                    confidential, grounds == null ? "" : grounds,
                    options, tables, charts, error));
            lastSection = section;
        }
        List<AttachmentRow> files = view.attachments().stream()
                .map(a -> new AttachmentRow(a.id, a.fileName, a.kind.name(), a.sizeBytes, a.sha256, a.confidential,
                        a.grounds == null ? "" : a.grounds)).toList();
        List<String> agencies = shown != null && shown.agencies() != null ? shown.agencies() : null;
        return new Editor(d.id, view.consultationTitle(), closesAt(view), d.version, d.submitted(),
                view.submission().map(s -> s.trackingNumber).orElse(null), d.supplementOf,
                pick(shown == null ? null : shown.organization(), d.organization),
                pick(shown == null ? null : shown.category(), d.category == null ? "" : d.category.name()),
                pick(shown == null ? null : shown.contactName(), d.contactName),
                pick(shown == null ? null : shown.contactEmail(), d.contactEmail),
                pick(shown == null ? null : shown.contactPhone(), d.contactPhone),
                agencies == null ? d.fileWithSec : agencies.contains("SEC"),
                agencies == null ? d.fileWithCftc : agencies.contains("CFTC"),
                view.consultationAgencies().contains(Agency.SEC), view.consultationAgencies().contains(Agency.CFTC),
                pick(shown == null ? null : shown.coverLetter(), d.coverLetter), rows, files, errors, notice, conflict,
                impact.isResolvable());
    }

    private static String pick(String shown, String stored) {
        return shown != null ? shown : stored == null ? "" : stored;
    }

    /** Reads the editor form: every field it carries is sent, so a save replaces what the form shows. */
    private DraftEdit parse(CommentService.DraftView view, MultipartFormDataInput form) {
        List<DraftEdit.AnswerInput> answers = new ArrayList<>();
        Map<String, List<Long>> summaries = new java.util.LinkedHashMap<>();
        for (ConsultationFacts.QuestionRef q : view.questions()) {
            String text = value(form, "answer." + q.key());
            if (text != null) {
                answers.add(new DraftEdit.AnswerInput(q.key(), text, value(form, "confidential." + q.key()) != null,
                        value(form, "grounds." + q.key())));
            }
            // the picker lists every summary with a checkbox; the marker says the list was on the form,
            // so ticking none detaches them all
            if (value(form, "summariesListed." + q.key()) != null) {
                summaries.put(q.key(), parseIds(values(form, "summary." + q.key())));
            }
        }
        List<DraftEdit.AttachmentFlag> flags = new ArrayList<>();
        List<Long> remove = new ArrayList<>();
        for (Attachment a : view.attachments()) {
            if (value(form, "remove." + a.id) != null) {
                remove.add(a.id);
            } else if (value(form, "fileListed." + a.id) != null) {
                flags.add(new DraftEdit.AttachmentFlag(a.id, value(form, "fileConfidential." + a.id) != null,
                        value(form, "fileGrounds." + a.id)));
            }
        }
        Integer version = null;
        try {
            String v = value(form, "version");
            version = v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            version = null;
        }
        return new DraftEdit(version, value(form, "organization"), value(form, "category"), value(form, "contactName"),
                value(form, "contactEmail"), value(form, "contactPhone"),
                value(form, "agenciesListed") != null ? values(form, "agency") : null, value(form, "coverLetter"),
                answers, summaries.isEmpty() ? null : summaries, flags, remove);
    }

    /** A value that is not a number cannot name a summary: -1 makes the service refuse it by name. */
    private static List<Long> parseIds(List<String> ids) {
        List<Long> list = new ArrayList<>();
        for (String part : ids) {
            try {
                list.add(Long.valueOf(part.strip()));
            } catch (NumberFormatException e) {
                list.add(-1L);
            }
        }
        return list;
    }

    private static List<DraftEdit.NewFile> newFiles(MultipartFormDataInput form) {
        boolean confidential = value(form, "newFilesConfidential") != null;
        String grounds = value(form, "newFilesGrounds");
        List<DraftEdit.NewFile> files = new ArrayList<>();
        for (FormValue v : form.getValues().getOrDefault("file", List.of())) {
            if (!v.isFileItem() || v.getFileName() == null || v.getFileName().isBlank()) {
                continue;
            }
            try {
                long size = v.getFileItem().getFileSize();
                if (size == 0) {
                    continue;
                }
                if (size > Attachment.MAX_BYTES) {
                    throw CommentInputException.of("attachments", v.getFileName() + " is " + size
                            + " bytes; files are limited to 10 MB (" + Attachment.MAX_BYTES + " bytes).");
                }
                byte[] bytes = v.getFileItem().isInMemory() ? v.getFileItem().getInputStream().readAllBytes()
                        : Files.readAllBytes(v.getFileItem().getFile());
                files.add(new DraftEdit.NewFile(v.getFileName(), bytes, confidential, grounds));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static String value(MultipartFormDataInput form, String name) {
        Collection<FormValue> values = form.getValues().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        FormValue v = values.iterator().next();
        return v.isFileItem() ? null : v.getValue();
    }

    private static List<String> values(MultipartFormDataInput form, String name) {
        Collection<FormValue> values = form.getValues().get(name);
        return values == null ? List.of() : values.stream().filter(v -> !v.isFileItem()).map(FormValue::getValue).toList();
    }

    /**
     * After a conflict, the form shows for each field the editor's value where they changed it, and the
     * current value where only the other editor did: saving again then keeps both people's work.
     */
    private static DraftEdit merge(DraftConflictException e, DraftEdit mine) {
        DraftContent base = e.base;
        DraftContent current = e.current;
        if (base == null) {
            return new DraftEdit(e.currentVersion, mine.organization(), mine.category(), mine.contactName(),
                    mine.contactEmail(), mine.contactPhone(), mine.agencies(), mine.coverLetter(), mine.answers(),
                    mine.summaries(), mine.attachmentFlags(), mine.removeAttachments());
        }
        List<DraftEdit.AnswerInput> answers = new ArrayList<>();
        if (mine.answers() != null) {
            for (DraftEdit.AnswerInput a : mine.answers()) {
                DraftContent.AnswerContent was = base.answers().get(a.questionId());
                DraftContent.AnswerContent now = current.answers().get(a.questionId());
                String baseText = was == null ? "" : was.text();
                boolean untouched = Objects.equals(baseText, a.text() == null ? "" : a.text().strip());
                answers.add(untouched && now != null ? new DraftEdit.AnswerInput(a.questionId(), now.text(), now.confidential(),
                        now.grounds()) : untouched ? new DraftEdit.AnswerInput(a.questionId(), "", false, null) : a);
            }
        }
        return new DraftEdit(e.currentVersion,
                choose(mine.organization(), base.organization(), current.organization()),
                choose(mine.category(), base.category(), current.category()),
                choose(mine.contactName(), base.contactName(), current.contactName()),
                choose(mine.contactEmail(), base.contactEmail(), current.contactEmail()),
                choose(mine.contactPhone(), base.contactPhone(), current.contactPhone()),
                mine.agencies() != null && !new java.util.HashSet<>(mine.agencies()).equals(new java.util.HashSet<>(base.agencies()))
                        ? mine.agencies() : current.agencies(),
                choose(mine.coverLetter(), base.coverLetter(), current.coverLetter()),
                answers, mine.summaries(), mine.attachmentFlags(), mine.removeAttachments());
    }

    private static String choose(String mine, String base, String current) {
        String m = mine == null ? "" : mine.strip();
        String b = base == null ? "" : base;
        return m.equals(b) ? (current == null ? "" : current) : mine;
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
