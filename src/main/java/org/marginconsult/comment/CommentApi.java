package org.marginconsult.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.marginconsult.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments API: start a draft, save it (JSON, or multipart with files), submit it once with an
 * {@code Idempotency-Key}, read receipts. Bearer tokens only; see docs/api.md#comments.
 */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CommentApi {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Inject
    CommentService comments;

    @Inject
    SubmissionService submissions;

    @Inject
    FilingDesk desk;

    /** The body of {@code POST /api/v1/comments}. */
    public record StartRequest(Long consultationId) {
    }

    /** The body of a submit, optional: the version previewed. */
    public record SubmitRequest(Integer version) {
    }

    /** A new file's confidentiality in a multipart save, matched to a {@code file} part by file name. */
    public record NewFileFlag(String fileName, boolean confidential, String grounds) {
    }

    /** The JSON part of a multipart save: a draft edit plus the confidentiality of the new files. */
    public record MultipartEdit(Integer version, String organization, String category, String contactName,
            String contactEmail, String contactPhone, List<String> agencies, String coverLetter,
            List<DraftEdit.AnswerInput> answers, Map<String, List<Long>> summaries,
            List<DraftEdit.AttachmentFlag> attachmentFlags, List<Long> removeAttachments, List<NewFileFlag> newFiles) {

        DraftEdit edit() {
            return new DraftEdit(version, organization, category, contactName, contactEmail, contactPhone, agencies,
                    coverLetter, answers, summaries, attachmentFlags, removeAttachments);
        }
    }

    @POST
    @Path("/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartRequest request) {
        if (request == null || request.consultationId() == null) {
            throw CommentInputException.of("consultationId", "Say which consultation the comment is on: {\"consultationId\": 1}.");
        }
        CommentDraft d = comments.start(request.consultationId(), null);
        return Response.created(URI.create("/api/v1/comments/" + d.id)).entity(CommentJson.draft(comments.view(d.id))).build();
    }

    @GET
    @Path("/comments")
    public List<Map<String, Object>> mine() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CommentDraft d : comments.ofMyFirm()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id);
            m.put("consultationId", d.consultationId);
            m.put("status", d.status.name());
            m.put("version", d.version);
            m.put("supplementOf", d.supplementOf);
            m.put("updatedAt", d.updatedAt.toString());
            m.put("updatedBy", d.updatedBy);
            list.add(m);
        }
        return list;
    }

    @GET
    @Path("/comments/{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        return CommentJson.draft(comments.view(id));
    }

    @GET
    @Path("/comments/{id}/history")
    public List<Map<String, Object>> history(@PathParam("id") long id) {
        return comments.history(id).stream().map(CommentJson::revision).toList();
    }

    @PUT
    @Path("/comments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> save(@PathParam("id") long id, DraftEdit edit) {
        if (edit == null) {
            throw CommentInputException.of("body", "Send the fields to change and the version you edited.");
        }
        return CommentJson.draft(comments.save(id, edit, List.of()));
    }

    @PUT
    @Path("/comments/{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> saveWithFiles(@PathParam("id") long id, @RestForm("comment") String comment,
            @RestForm("file") List<FileUpload> files) {
        MultipartEdit edit;
        try {
            edit = comment == null || comment.isBlank() ? null : STRICT.readValue(comment, MultipartEdit.class);
        } catch (JsonProcessingException e) {
            throw CommentInputException.of("comment", "The 'comment' part is not valid JSON: " + e.getOriginalMessage());
        }
        if (edit == null) {
            throw CommentInputException.of("comment", "A multipart save needs a 'comment' part (JSON) with at least the version.");
        }
        List<DraftEdit.NewFile> newFiles = new ArrayList<>();
        for (FileUpload f : files == null ? List.<FileUpload>of() : files) {
            NewFileFlag flag = edit.newFiles() == null ? null : edit.newFiles().stream()
                    .filter(n -> n.fileName() != null && n.fileName().equals(f.fileName())).findFirst().orElse(null);
            newFiles.add(new DraftEdit.NewFile(f.fileName(), read(f), flag != null && flag.confidential(),
                    flag == null ? null : flag.grounds()));
        }
        return CommentJson.draft(comments.save(id, edit.edit(), newFiles));
    }

    static byte[] read(FileUpload f) {
        try {
            if (f.size() > Attachment.MAX_BYTES) {
                throw CommentInputException.of("attachments", f.fileName() + " is " + f.size()
                        + " bytes; files are limited to 10 MB (" + Attachment.MAX_BYTES + " bytes).");
            }
            return Files.readAllBytes(f.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body is optional: read as text so that a bare {@code POST} (no body, hence no Content-Type) is
     * filed too instead of being refused as an unsupported media type.
     */
    @POST
    @Path("/comments/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    public Response submit(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            String json) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new BadRequestException("Send an Idempotency-Key header (for example a UUID) with each submit, and "
                    + "the same one when retrying it.");
        }
        SubmitRequest request;
        try {
            request = json == null || json.isBlank() ? null : STRICT.readValue(json, SubmitRequest.class);
        } catch (JsonProcessingException e) {
            throw CommentInputException.of("version", "The body is not valid JSON ({\"version\": 3} or nothing): "
                    + e.getOriginalMessage());
        }
        FilingDesk.Filed filed = desk.file(id, idempotencyKey.strip(), request == null ? null : request.version());
        Submission s = filed.submission();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingNumber", s.trackingNumber);
        body.put("receivedAt", s.receivedAt.toString());
        body.put("sha256", s.fullSha256);
        body.put("late", s.late);
        return Response.status(Response.Status.CREATED).location(URI.create("/api/v1/receipts/" + s.trackingNumber))
                .header("Idempotent-Replayed", String.valueOf(!filed.created())).entity(body).build();
    }

    /** The body of a withdrawal request. */
    public record WithdrawalRequestBody(String reason) {
    }

    @POST
    @Path("/receipts/{trackingNumber}/withdrawal-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestWithdrawal(@PathParam("trackingNumber") String trackingNumber, WithdrawalRequestBody body) {
        WithdrawalRequest w = submissions.requestWithdrawal(trackingNumber, body == null ? null : body.reason());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.id);
        out.put("status", w.status.name());
        out.put("requestedAt", w.requestedAt.toString());
        return Response.status(Response.Status.CREATED).entity(out).build();
    }

    /** Agency staff's decision on a withdrawal request. */
    public record WithdrawalDecision(Boolean grant, String note) {
    }

    @POST
    @Path("/withdrawal-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Map<String, Object> decideWithdrawal(@PathParam("id") long id, WithdrawalDecision decision) {
        if (decision == null || decision.grant() == null) {
            throw CommentInputException.of("grant", "Say whether the withdrawal is granted: {\"grant\": true|false, \"note\": \"...\"}.");
        }
        WithdrawalRequest w = submissions.decideWithdrawal(id, decision.grant(), decision.note());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", w.id);
        out.put("status", w.status.name());
        out.put("decidedBy", w.decidedBy);
        out.put("decidedAt", w.decidedAt.toString());
        out.put("decisionNote", w.decisionNote);
        return out;
    }

    @GET
    @Path("/receipts/{trackingNumber}")
    public Map<String, Object> receipt(@PathParam("trackingNumber") String trackingNumber) {
        return CommentJson.receipt(submissions.receipt(trackingNumber));
    }
}
