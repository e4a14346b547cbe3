package org.marginconsult.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.marginconsult.consultation.CommentAcceptance;
import org.marginconsult.security.AuditLog;
import org.marginconsult.security.CurrentUser;
import org.marginconsult.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filing a draft: the deadline check on the server clock, the two versions and their hashes, exactly
 * one submission per draft, then the receipt; plus what follows a filing (supplements, withdrawal
 * requests) and the public verification of a tracking number and hash.
 *
 * <p>{@link #submit} runs in one transaction that holds the draft's row lock: concurrent submits of
 * the same draft queue on it, and each one after the first finds the draft submitted and returns the
 * same submission. The unique constraints on the draft and on (firm, idempotency key) stop a second
 * row even if that reasoning were wrong. {@link #issueReceipt} runs in a transaction of its own after
 * the caller saw the submit commit.
 */
@ApplicationScoped
public class SubmissionService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    CommentService comments;

    @Inject
    ConsultationFacts consultations;

    @Inject
    FilingBuilder filings;

    @Inject
    ObjectMapper json;

    /** The submission and whether this call created it (false: it returns an earlier identical submit). */
    public record Outcome(Submission submission, boolean created) {
    }

    /** The deadline check refused the comment. */
    public static class DeadlineRefusedException extends RuntimeException {
        public final CommentAcceptance acceptance;

        public DeadlineRefusedException(CommentAcceptance acceptance) {
            super(acceptance.message());
            this.acceptance = acceptance;
        }
    }

    /** Both versions of a draft as they would be filed now, for the preview. */
    public record Preview(Filing full, Filing publicVersion, int version, List<String> problems) {
    }

    @Transactional
    public Preview preview(long draftId) {
        CommentDraft d = comments.requireOwn(draftId, LockModeType.NONE);
        List<Attachment> files = Attachment.ofDraft(d.id);
        return new Preview(filings.build(d, files, Filing.FULL, FilingBuilder.Stamp.PREVIEW),
                filings.build(d, files, Filing.PUBLIC, FilingBuilder.Stamp.PREVIEW), d.version,
                List.copyOf(incomplete(d, files).values()));
    }

    @Transactional
    public Outcome submit(long draftId, String idempotencyKey, Integer expectedVersion) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw CommentInputException.of("idempotencyKey", "An Idempotency-Key of 1 to 200 characters is required, "
                    + "so that a retried submit files the comment once.");
        }
        CommentDraft d = comments.requireOwn(draftId, LockModeType.PESSIMISTIC_WRITE);
        Optional<Submission> sameKey = Submission.find("firm = ?1 and idempotencyKey = ?2", d.firm, idempotencyKey)
                .firstResultOptional();
        if (sameKey.isPresent()) {
            if (!sameKey.get().draftId.equals(d.id)) {
                throw CommentInputException.of("idempotencyKey", "This Idempotency-Key was already used to file "
                        + "another comment (" + sameKey.get().trackingNumber + "); use a new key for each comment.");
            }
            return new Outcome(sameKey.get(), false);
        }
        if (d.submitted()) {
            return new Outcome(Submission.ofDraft(d.id).orElseThrow(), false);
        }
        if (expectedVersion != null && expectedVersion != d.version) {
            throw new StaleDraftException(expectedVersion, d.version);
        }
        List<Attachment> files = Attachment.ofDraft(d.id);
        Map<String, String> problems = incomplete(d, files);
        if (!problems.isEmpty()) {
            throw new CommentInputException(problems);
        }

        // The deadline is judged on the server clock, inside this transaction, against the period as it
        // stands (the check takes a share lock on the consultation until we commit). PostgreSQL keeps
        // microseconds: the filed (hashed) document, the receipt and the response must state one instant.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CommentAcceptance acceptance = consultations.acceptanceAt(d.consultationId, receivedAt);
        if (!acceptance.accepted()) {
            throw new DeadlineRefusedException(acceptance);
        }

        String tracking = newTrackingNumber(receivedAt);
        Submission parent = d.supplementOf == null ? null : Submission.findById(d.supplementOf);
        var stamp = new FilingBuilder.Stamp(tracking, receivedAt, acceptance.late(), acceptance.closesAt(),
                parent == null ? null : parent.trackingNumber);
        Filing full = filings.build(d, files, Filing.FULL, stamp);
        Filing pub = filings.build(d, files, Filing.PUBLIC, stamp);

        Submission s = new Submission();
        s.draftId = d.id;
        s.consultationId = d.consultationId;
        s.firm = d.firm;
        s.supplementOf = d.supplementOf;
        s.trackingNumber = tracking;
        s.idempotencyKey = idempotencyKey;
        s.submittedBy = user.username();
        s.receivedAt = receivedAt;
        s.late = acceptance.late();
        s.closesAt = acceptance.closesAt();
        s.organization = d.organization;
        s.agencies = String.join(",", full.agencies());
        s.identifiers = toJson(full.identifiers());
        s.fullDocument = FilingBuilder.canonicalJson(full);
        s.fullSha256 = FilingBuilder.sha256(s.fullDocument);
        s.publicDocument = FilingBuilder.canonicalJson(pub);
        s.publicSha256 = FilingBuilder.sha256(s.publicDocument);
        s.persist();
        int position = 1;
        for (Attachment f : files) {
            SubmissionAttachment link = new SubmissionAttachment();
            link.submissionId = s.id;
            link.position = position++;
            link.attachmentId = f.id;
            link.persist();
        }
        d.status = CommentDraft.Status.SUBMITTED;
        d.updatedBy = s.submittedBy;
        d.updatedAt = receivedAt;
        d.version++;
        comments.recordRevision(d, "Submitted as " + tracking + (s.late ? " (late)" : ""));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("trackingNumber", tracking);
        after.put("receivedAt", receivedAt.toString());
        after.put("late", s.late);
        after.put("fullSha256", s.fullSha256);
        after.put("publicSha256", s.publicSha256);
        after.put("attachments", files.size());
        audit.record(s.supplementOf == null ? "COMMENT_SUBMITTED" : "COMMENT_SUPPLEMENT_SUBMITTED", "comment_submission",
                tracking, Map.of("draftId", d.id, "version", d.version - 1), after, acceptance.message());
        // Make any database failure surface here, inside the transaction, not at commit time.
        s.flush();
        return new Outcome(s, true);
    }

    private String newTrackingNumber(Instant receivedAt) {
        int year = receivedAt.atZone(ZoneOffset.UTC).getYear();
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = TrackingNumber.random(year).toString();
            if (Submission.count("trackingNumber", candidate) == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free tracking number after 10 draws of 40 random bits");
    }

    /** What is missing before a draft can be filed, per field. */
    Map<String, String> incomplete(CommentDraft d, List<Attachment> files) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (d.organization == null || d.organization.isBlank()) {
            problems.put("organization", "Give the organization the comment is filed for.");
        }
        if (d.category == null) {
            problems.put("category", "Choose the category of the submitter.");
        }
        if (d.contactName == null || d.contactEmail == null) {
            problems.put("contact", "Give a contact name and e-mail for the agencies' questions.");
        }
        if (!d.fileWithSec && !d.fileWithCftc) {
            problems.put("agencies", "Choose the agencies to file with (SEC, CFTC or both).");
        }
        boolean anyAnswer = d.answers.stream().anyMatch(a -> a.body != null && !a.body.isBlank());
        if (!anyAnswer && (d.coverLetter == null || d.coverLetter.isBlank()) && files.isEmpty()) {
            problems.put("answers", "The comment is empty: answer at least one question, write a cover letter or "
                    + "attach a file.");
        }
        return problems;
    }

    /**
     * Issues the receipt of a committed submission; repeated and concurrent calls return the same
     * receipt (the insert yields to one already made).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Receipt issueReceipt(long submissionId) {
        Receipt.getEntityManager().createNativeQuery("insert into comment_receipt (submission_id, "
                + "tracking_number, issued_at) select id, tracking_number, ?1 from comment_submission where id = ?2 "
                + "on conflict (submission_id) do nothing")
                .setParameter(1, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, submissionId).executeUpdate();
        Receipt r = Receipt.findById(submissionId);
        if (r == null) {
            throw new NotFoundException("No submission " + submissionId);
        }
        return r;
    }

    /**
     * A receipt as shown: the submission, its files with hashes, its thread; {@code mayAct} for the firm that
     * filed it (supplement, withdrawal request), {@code mayDecide} for agency staff (withdrawal decisions).
     */
    public record ReceiptView(Submission submission, Receipt receipt, Filing full, Filing publicVersion,
            List<Attachment> attachments, List<Submission> thread, List<WithdrawalRequest> withdrawals,
            boolean mayAct, boolean mayDecide) {

        public String supplementAction() {
            return "/receipts/" + submission.trackingNumber + "/supplement";
        }

        public String withdrawalAction() {
            return "/receipts/" + submission.trackingNumber + "/withdrawal";
        }
    }

    /**
     * The receipt of a submission, for the firm that filed it and for agency staff; anyone else is told
     * there is no such receipt.
     */
    @Transactional
    public ReceiptView receipt(String trackingNumber) {
        Submission s = TrackingNumber.parse(trackingNumber).flatMap(t -> Submission.byTrackingNumber(t.toString()))
                .orElseThrow(() -> new NotFoundException("No receipt " + trackingNumber));
        boolean ownFirm = user.firm().map(s.firm::equals).orElse(false);
        if (!ownFirm && !user.hasRole(Roles.STAFF)) {
            throw new NotFoundException("No receipt " + trackingNumber);
        }
        Receipt r = Receipt.findById(s.id);
        List<Attachment> files = new ArrayList<>();
        for (SubmissionAttachment link : SubmissionAttachment.of(s.id)) {
            files.add(Attachment.findById(link.attachmentId));
        }
        long root = s.supplementOf == null ? s.id : s.supplementOf;
        List<Submission> thread = Submission.thread(root);
        List<WithdrawalRequest> withdrawals = WithdrawalRequest.ofSubmissions(thread.stream().map(t -> t.id).toList());
        return new ReceiptView(s, r, FilingBuilder.read(s.fullDocument), FilingBuilder.read(s.publicDocument), files,
                thread, withdrawals, ownFirm, user.hasRole(Roles.STAFF));
    }

    /** One filed file, content included, for the firm that filed it and for staff. */
    @Transactional
    public Attachment filedAttachment(String trackingNumber, int position) {
        ReceiptView view = receipt(trackingNumber);
        if (position < 1 || position > view.attachments().size()) {
            throw new NotFoundException();
        }
        Attachment a = view.attachments().get(position - 1);
        java.util.Objects.requireNonNull(a.content);
        return a;
    }

    /** Starts a supplement to a filed comment of the caller's firm. */
    @Transactional
    public CommentDraft startSupplement(String trackingNumber) {
        Submission s = ownSubmission(trackingNumber);
        long root = s.supplementOf == null ? s.id : s.supplementOf;
        CommentDraft draft = comments.start(s.consultationId, root);
        CommentDraft original = CommentDraft.findById(s.draftId);
        draft.organization = original.organization;
        draft.category = original.category;
        draft.contactName = original.contactName;
        draft.contactEmail = original.contactEmail;
        draft.contactPhone = original.contactPhone;
        draft.fileWithSec = original.fileWithSec;
        draft.fileWithCftc = original.fileWithCftc;
        return draft;
    }

    /** Asks the agencies to withdraw a filed comment; staff decide. */
    @Transactional
    public WithdrawalRequest requestWithdrawal(String trackingNumber, String reason) {
        Submission s = ownSubmission(trackingNumber);
        if (reason == null || reason.isBlank()) {
            throw CommentInputException.of("reason", "Say why the comment should be withdrawn.");
        }
        if (reason.length() > 4000) {
            throw CommentInputException.of("reason", "The reason is limited to 4000 characters.");
        }
        if (WithdrawalRequest.count("submissionId = ?1 and status = ?2", s.id, WithdrawalRequest.Status.PENDING) > 0) {
            throw CommentInputException.of("reason", "A withdrawal request for " + s.trackingNumber
                    + " is already waiting for the agencies' decision.");
        }
        WithdrawalRequest w = new WithdrawalRequest();
        w.submissionId = s.id;
        w.requestedBy = user.username();
        w.requestedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        w.reason = reason.strip();
        w.persist();
        audit.record("COMMENT_WITHDRAWAL_REQUESTED", "comment_submission", s.trackingNumber, null,
                Map.of("status", "PENDING"), w.reason);
        return w;
    }

    /**
     * Agency staff's decision on a withdrawal request: granted or denied, with a note. The filed comment
     * itself never changes; the decision is recorded on the request and audited.
     *
     * @throws io.quarkus.security.ForbiddenException unless the caller is staff
     */
    @Transactional
    public WithdrawalRequest decideWithdrawal(long requestId, boolean grant, String note) {
        if (!user.hasRole(Roles.STAFF)) {
            throw new io.quarkus.security.ForbiddenException("Only agency staff decide on withdrawal requests.");
        }
        WithdrawalRequest w = WithdrawalRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw new NotFoundException("No withdrawal request " + requestId);
        }
        if (w.status != WithdrawalRequest.Status.PENDING) {
            throw CommentInputException.of("status", "This request was already " + w.status.name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + w.decidedBy + ".");
        }
        if (note == null || note.isBlank() || note.length() > 4000) {
            throw CommentInputException.of("note", "Give the reason for the decision (up to 4000 characters).");
        }
        w.status = grant ? WithdrawalRequest.Status.GRANTED : WithdrawalRequest.Status.DENIED;
        w.decidedBy = user.username();
        w.decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        w.decisionNote = note.strip();
        Submission s = Submission.findById(w.submissionId);
        audit.record("COMMENT_WITHDRAWAL_" + w.status.name(), "comment_submission", s.trackingNumber,
                Map.of("status", "PENDING"), Map.of("status", w.status.name()), w.decisionNote);
        return w;
    }

    private Submission ownSubmission(String trackingNumber) {
        Submission s = TrackingNumber.parse(trackingNumber).flatMap(t -> Submission.byTrackingNumber(t.toString()))
                .orElseThrow(() -> new NotFoundException("No submission " + trackingNumber));
        if (!user.firm().map(s.firm::equals).orElse(false)) {
            throw new NotFoundException("No submission " + trackingNumber);
        }
        return s;
    }

    /** The answer of the public verification page. */
    public record Verification(boolean wellFormed, boolean found, boolean matches, String matchedPart,
            String trackingNumber, Instant receivedAt) {
    }

    /**
     * Whether {@code hash} is the SHA-256 of the full version, the public version or one attachment of
     * the submission {@code trackingNumber}. Tells nothing else about the submission, so anyone may ask.
     * The stored documents are hashed again, so a row altered after filing would no longer match.
     */
    @Transactional
    public Verification verify(String trackingNumber, String hash) {
        Optional<TrackingNumber> parsed = TrackingNumber.parse(trackingNumber);
        String h = hash == null ? "" : hash.strip().toLowerCase(java.util.Locale.ROOT);
        if (parsed.isEmpty() || !h.matches("[0-9a-f]{64}")) {
            return new Verification(false, false, false, null, parsed.map(Object::toString).orElse(null), null);
        }
        Optional<Submission> s = Submission.byTrackingNumber(parsed.get().toString());
        if (s.isEmpty()) {
            return new Verification(true, false, false, null, parsed.get().toString(), null);
        }
        Submission sub = s.get();
        String part = null;
        if (h.equals(FilingBuilder.sha256(sub.fullDocument)) && h.equals(sub.fullSha256)) {
            part = "the full version";
        } else if (h.equals(FilingBuilder.sha256(sub.publicDocument)) && h.equals(sub.publicSha256)) {
            part = "the public version";
        } else {
            for (SubmissionAttachment link : SubmissionAttachment.of(sub.id)) {
                Attachment a = Attachment.findById(link.attachmentId);
                if (h.equals(a.sha256) && h.equals(FilingBuilder.sha256(a.content))) {
                    part = "attachment " + link.position;
                    break;
                }
            }
        }
        return new Verification(true, true, part != null, part, sub.trackingNumber, part != null ? sub.receivedAt : null);
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
