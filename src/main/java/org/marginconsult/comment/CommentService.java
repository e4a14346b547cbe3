package org.marginconsult.comment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.marginconsult.consultation.Agency;
import org.marginconsult.consultation.reminder.UnsubmittedDrafts;
import org.marginconsult.security.AuditLog;
import org.marginconsult.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drafting a firm's comment: start, read, save with optimistic locking, attach files, keep the version
 * history. Every method checks that the draft belongs to the caller's firm and answers "not found"
 * otherwise, so another firm (or staff) cannot even learn that a draft exists.
 */
@ApplicationScoped
public class CommentService implements UnsubmittedDrafts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_TEXT = 100_000;
    private static final int MAX_GROUNDS = 4_000;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    ConsultationFacts consultations;

    @Inject
    Instance<ImpactSummaries> impact;

    @Inject
    ObjectMapper json;

    /** A draft with its attachments, as the pages and the API show it. */
    public record DraftView(CommentDraft draft, List<Attachment> attachments, List<ConsultationFacts.QuestionRef> questions,
            String consultationTitle, Set<Agency> consultationAgencies, Optional<Submission> submission) {
    }

    /** Starts the firm's comment on a consultation, or a supplement to a filed one. */
    @Transactional
    public CommentDraft start(long consultationId, Long supplementOf) {
        String firm = user.requireFirm();
        consultations.require(consultationId);
        if (supplementOf == null) {
            Optional<CommentDraft> existing = CommentDraft.find("consultationId = ?1 and firm = ?2 and supplementOf is null",
                    consultationId, firm).firstResultOptional();
            if (existing.isPresent()) {
                throw new ExistingDraftException(existing.get().id);
            }
        }
        Instant now = clock.instant();
        CommentDraft d = new CommentDraft();
        d.consultationId = consultationId;
        d.firm = firm;
        d.supplementOf = supplementOf;
        d.createdBy = user.username();
        d.createdAt = now;
        d.updatedBy = d.createdBy;
        d.updatedAt = now;
        Set<Agency> agencies = consultations.agencies(consultationId);
        d.fileWithSec = agencies.contains(Agency.SEC);
        d.fileWithCftc = agencies.contains(Agency.CFTC);
        d.persist();
        recordRevision(d, supplementOf == null ? "Started the comment" : "Started a supplement");
        audit.record(supplementOf == null ? "COMMENT_DRAFT_STARTED" : "COMMENT_SUPPLEMENT_STARTED", "comment_draft",
                d.id, null, Map.of("consultationId", consultationId, "firm", firm), null);
        return d;
    }

    /** The firm already has a draft on this consultation. */
    public static class ExistingDraftException extends RuntimeException {
        public final long draftId;

        public ExistingDraftException(long draftId) {
            super("Your firm already has a comment on this consultation (draft " + draftId + "); all your firm's "
                    + "participants edit that one.");
            this.draftId = draftId;
        }
    }

    @Transactional
    public DraftView view(long draftId) {
        CommentDraft d = requireOwn(draftId, LockModeType.NONE);
        return viewOf(d);
    }

    DraftView viewOf(CommentDraft d) {
        // Pages and the API render after the transaction: load what they show now.
        d.answers.size();
        d.impactLinks.size();
        var consultation = consultations.require(d.consultationId);
        return new DraftView(d, Attachment.ofDraft(d.id), consultations.questions(d.consultationId), consultation.title,
                consultation.agencies(), d.submitted() ? Submission.ofDraft(d.id) : Optional.empty());
    }

    /** The firm's drafts and filed comments, newest first. */
    @Transactional
    public List<CommentDraft> ofMyFirm() {
        Optional<String> firm = user.firm();
        return firm.isEmpty() ? List.of() : CommentDraft.list("firm = ?1 order by updatedAt desc, id desc", firm.get());
    }

    @Transactional
    public List<DraftRevision> history(long draftId) {
        requireOwn(draftId, LockModeType.NONE);
        return DraftRevision.ofDraft(draftId);
    }

    /** A version of the draft and what it changed against the version before it (field, before, after). */
    public record VersionChanges(DraftRevision revision, List<DraftContent.FieldChange> changes) {
        public int previousVersion() {
            return revision.version - 1;
        }
    }

    /** The version history, newest first, each version with its difference from the one before. */
    @Transactional
    public List<VersionChanges> historyWithChanges(long draftId) {
        CommentDraft d = requireOwn(draftId, LockModeType.NONE);
        List<DraftRevision> revisions = DraftRevision.ofDraft(draftId);
        Map<String, String> numbers = questionNumbers(d.consultationId);
        List<VersionChanges> out = new java.util.ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            DraftRevision r = revisions.get(i);
            List<DraftContent.FieldChange> changes = i + 1 < revisions.size()
                    ? readSnapshot(r.snapshot).changesSince(readSnapshot(revisions.get(i + 1).snapshot), numbers)
                    : List.of();
            out.add(new VersionChanges(r, changes));
        }
        return out;
    }

    /**
     * Saves an edit made on {@code edit.version()}. If someone saved since, nothing is written and the
     * conflict names who, when and what they changed.
     */
    @Transactional
    public DraftView save(long draftId, DraftEdit edit, List<DraftEdit.NewFile> newFiles) {
        CommentDraft d = requireOwn(draftId, LockModeType.PESSIMISTIC_WRITE);
        requireEditable(d);
        if (edit.version() == null) {
            throw CommentInputException.of("version", "The version you edited is required, so that a newer save by "
                    + "someone else is never overwritten.");
        }
        if (edit.version() != d.version) {
            throw conflict(d, edit.version());
        }
        List<Attachment> files = Attachment.ofDraft(d.id);
        DraftContent before = DraftContent.of(d, files);
        Map<String, String> errors = new LinkedHashMap<>();
        refuseUnstorable(edit, newFiles == null ? List.of() : newFiles, errors);
        if (!errors.isEmpty()) {
            throw new CommentInputException(errors);
        }
        apply(d, edit, errors);
        applyAttachmentChanges(d, files, edit, newFiles == null ? List.of() : newFiles, errors);
        if (!errors.isEmpty()) {
            throw new CommentInputException(errors);
        }
        files = Attachment.ofDraft(d.id);
        DraftContent after = DraftContent.of(d, files);
        List<DraftContent.FieldChange> changes = after.changesSince(before, questionNumbers(d.consultationId));
        if (changes.isEmpty()) {
            return viewOf(d);
        }
        d.updatedBy = user.username();
        d.updatedAt = clock.instant();
        d.version++;
        String summary = changes.stream().map(DraftContent.FieldChange::label).collect(Collectors.joining(", "));
        recordRevision(d, "Changed " + summary);
        audit.record("COMMENT_DRAFT_SAVED", "comment_draft", d.id, Map.of("version", edit.version()),
                Map.of("version", d.version), "Changed " + summary);
        return viewOf(d);
    }

    private DraftConflictException conflict(CommentDraft d, int yourVersion) {
        List<Attachment> files = Attachment.ofDraft(d.id);
        DraftContent current = DraftContent.of(d, files);
        DraftContent base = DraftRevision.at(d.id, yourVersion).map(r -> readSnapshot(r.snapshot)).orElse(null);
        List<DraftContent.FieldChange> theirs = base == null ? List.of()
                : current.changesSince(base, questionNumbers(d.consultationId));
        return new DraftConflictException(d.id, yourVersion, d.version, d.updatedBy, d.updatedAt, theirs, base, current);
    }

    /**
     * Refuses, on its field and before anything is changed, what could not be saved: a null element of a list,
     * and a NUL character (U+0000) in a text (pasted from a binary file, say), which PostgreSQL does not store.
     */
    private static void refuseUnstorable(DraftEdit e, List<DraftEdit.NewFile> newFiles, Map<String, String> errors) {
        // A list element given as null (a trailing comma's worth of JSON) is refused as such, not dereferenced.
        noNullElement(e.agencies(), "agencies", "An agency", errors);
        noNullElement(e.answers(), "answers", "An answer", errors);
        noNullElement(e.attachmentFlags(), "attachmentFlags", "An attachment flag", errors);
        noNullElement(e.removeAttachments(), "removeAttachments", "An attachment id", errors);
        if (e.summaries() != null) {
            e.summaries().forEach((question, ids) -> {
                if (ids == null || ids.stream().anyMatch(Objects::isNull)) {
                    errors.putIfAbsent("summaries." + question, "The impact summaries of question " + question
                            + " must be a list of summary ids, without null.");
                }
            });
        }
        if (!errors.isEmpty()) {
            return;
        }
        noNul(e.organization(), "organization", "Organization", errors);
        noNul(e.category(), "category", "Category", errors);
        noNul(e.contactName(), "contactName", "Contact name", errors);
        noNul(e.contactEmail(), "contactEmail", "Contact e-mail", errors);
        noNul(e.contactPhone(), "contactPhone", "Contact phone", errors);
        noNul(e.coverLetter(), "coverLetter", "The cover letter", errors);
        for (String agency : e.agencies() == null ? List.<String>of() : e.agencies()) {
            noNul(agency, "agencies", "An agency", errors);
        }
        for (DraftEdit.AnswerInput a : e.answers() == null ? List.<DraftEdit.AnswerInput>of() : e.answers()) {
            noNul(a.questionId(), "answers", "A question id", errors);
            noNul(a.text(), "answers." + a.questionId(), "The answer", errors);
            noNul(a.grounds(), "answers." + a.questionId() + ".grounds", "The grounds", errors);
        }
        for (DraftEdit.AttachmentFlag f : e.attachmentFlags() == null ? List.<DraftEdit.AttachmentFlag>of()
                : e.attachmentFlags()) {
            noNul(f.grounds(), "attachments." + f.id() + ".grounds", "The grounds", errors);
        }
        for (DraftEdit.NewFile f : newFiles) {
            noNul(f.fileName(), "attachments", "A file name", errors);
            noNul(f.grounds(), "attachments", "The grounds of " + f.fileName(), errors);
        }
    }

    private static void noNullElement(List<?> list, String field, String label, Map<String, String> errors) {
        if (list != null && list.stream().anyMatch(Objects::isNull)) {
            errors.putIfAbsent(field, label + " is null: leave it out instead.");
        }
    }

    private static void noNul(String value, String field, String label, Map<String, String> errors) {
        if (value != null && value.indexOf('\0') >= 0) {
            errors.putIfAbsent(field, label + " contains a NUL character (U+0000), which cannot be stored: remove it.");
        }
    }

    private void apply(CommentDraft d, DraftEdit e, Map<String, String> errors) {
        if (e.organization() != null) {
            d.organization = limited(e.organization(), 300, "organization", "Organization", errors);
        }
        if (e.category() != null) {
            if (e.category().isBlank()) {
                d.category = null;
            } else {
                try {
                    d.category = SubmitterCategory.valueOf(e.category().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    errors.put("category", "Category must be one of " + List.of(SubmitterCategory.values()) + ".");
                }
            }
        }
        if (e.contactName() != null) {
            d.contactName = limited(e.contactName(), 200, "contactName", "Contact name", errors);
        }
        if (e.contactEmail() != null) {
            String email = limited(e.contactEmail(), 320, "contactEmail", "Contact e-mail", errors);
            if (email != null && !EMAIL.matcher(email).matches()) {
                errors.put("contactEmail", "Contact e-mail must look like name@example.com.");
            }
            d.contactEmail = email;
        }
        if (e.contactPhone() != null) {
            d.contactPhone = limited(e.contactPhone(), 40, "contactPhone", "Contact phone", errors);
        }
        if (e.agencies() != null) {
            Set<Agency> offered = consultations.agencies(d.consultationId);
            Set<String> wanted = e.agencies().stream().map(a -> a.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            for (String a : new TreeSet<>(wanted)) {
                if (offered.stream().noneMatch(o -> o.name().equals(a))) {
                    addError(errors, "agencies", "This consultation is run by " + offered + "; it cannot be filed with " + a + ".");
                }
            }
            d.fileWithSec = wanted.contains("SEC");
            d.fileWithCftc = wanted.contains("CFTC");
        }
        if (e.coverLetter() != null) {
            if (e.coverLetter().length() > MAX_TEXT) {
                errors.put("coverLetter", "The cover letter is limited to " + MAX_TEXT + " characters.");
            }
            d.coverLetter = e.coverLetter();
        }
        if (e.answers() != null) {
            Set<String> keys = consultations.questions(d.consultationId).stream()
                    .map(ConsultationFacts.QuestionRef::key).collect(Collectors.toSet());
            for (DraftEdit.AnswerInput in : e.answers()) {
                applyAnswer(d, in, keys, errors);
            }
        }
        if (e.summaries() != null) {
            applySummaries(d, e.summaries(), errors);
        }
    }

    private void applyAnswer(CommentDraft d, DraftEdit.AnswerInput in, Set<String> keys, Map<String, String> errors) {
        String field = "answers." + in.questionId();
        if (in.questionId() == null || !keys.contains(in.questionId())) {
            errors.put(field, "There is no question " + in.questionId() + " in this consultation.");
            return;
        }
        Optional<Answer> existing = d.answers.stream().filter(a -> a.questionKey.equals(in.questionId())).findFirst();
        String text = in.text() == null ? "" : in.text().strip();
        if (text.isEmpty()) {
            existing.ifPresent(d.answers::remove);
            return;
        }
        if (text.length() > MAX_TEXT) {
            errors.put(field, "An answer is limited to " + MAX_TEXT + " characters.");
            return;
        }
        String grounds = in.grounds() == null ? null : in.grounds().strip();
        if (in.confidential() && (grounds == null || grounds.isEmpty())) {
            errors.put(field + ".grounds", "A confidential answer needs the grounds for confidential treatment "
                    + "(for example: confidential commercial information, 17 CFR 145.9(d) / 17 CFR 200.83).");
            return;
        }
        if (grounds != null && grounds.length() > MAX_GROUNDS) {
            errors.put(field + ".grounds", "Grounds are limited to " + MAX_GROUNDS + " characters.");
            return;
        }
        Answer a = existing.orElseGet(() -> {
            Answer n = new Answer();
            n.draft = d;
            n.questionKey = in.questionId();
            d.answers.add(n);
            return n;
        });
        a.body = text;
        a.confidential = in.confidential();
        a.grounds = in.confidential() ? grounds : null;
    }

    private void applySummaries(CommentDraft d, Map<String, List<Long>> summaries, Map<String, String> errors) {
        Set<String> keys = consultations.questions(d.consultationId).stream()
                .map(ConsultationFacts.QuestionRef::key).collect(Collectors.toSet());
        for (var entry : summaries.entrySet()) {
            String key = entry.getKey();
            if (!keys.contains(key)) {
                errors.put("summaries." + key, "There is no question " + key + " in this consultation.");
                continue;
            }
            Set<Long> wanted = new HashSet<>(entry.getValue() == null ? List.of() : entry.getValue());
            if (!wanted.isEmpty() && !impact.isResolvable()) {
                errors.put("summaries." + key, "Impact summaries cannot be attached yet: the impact feature is not "
                        + "installed.");
                continue;
            }
            for (Long id : new TreeSet<>(wanted)) {
                if (impact.get().find(id, d.firm).isEmpty()) {
                    addError(errors, "summaries." + key, "There is no impact summary " + id + " of your firm.");
                }
            }
            d.impactLinks.removeIf(l -> l.questionKey.equals(key) && !wanted.contains(l.summaryId));
            for (Long id : wanted) {
                if (d.impactLinks.stream().noneMatch(l -> l.questionKey.equals(key) && l.summaryId.equals(id))) {
                    ImpactLink link = new ImpactLink();
                    link.draft = d;
                    link.questionKey = key;
                    link.summaryId = id;
                    d.impactLinks.add(link);
                }
            }
        }
    }

    private void applyAttachmentChanges(CommentDraft d, List<Attachment> files, DraftEdit e, List<DraftEdit.NewFile> newFiles,
            Map<String, String> errors) {
        if (e.removeAttachments() != null) {
            for (Long id : e.removeAttachments()) {
                Attachment a = files.stream().filter(f -> f.id.equals(id)).findFirst().orElse(null);
                if (a == null) {
                    addError(errors, "attachments", "There is no attachment " + id + " on this comment.");
                } else {
                    a.delete();
                }
            }
        }
        if (e.attachmentFlags() != null) {
            for (DraftEdit.AttachmentFlag flag : e.attachmentFlags()) {
                Attachment a = files.stream().filter(f -> f.id.equals(flag.id())).findFirst().orElse(null);
                if (a == null) {
                    addError(errors, "attachments", "There is no attachment " + flag.id() + " on this comment.");
                    continue;
                }
                String grounds = flag.grounds() == null ? null : flag.grounds().strip();
                if (flag.confidential() && (grounds == null || grounds.isEmpty())) {
                    errors.put("attachments." + a.id + ".grounds", "Confidential file " + a.fileName
                            + " needs the grounds for confidential treatment.");
                    continue;
                }
                if (a.confidential != flag.confidential() || !Objects.equals(a.grounds, flag.confidential() ? grounds : null)) {
                    a.confidential = flag.confidential();
                    a.grounds = flag.confidential() ? grounds : null;
                }
            }
        }
        long remaining = Attachment.count("draftId = ?1", d.id);
        if (remaining + newFiles.size() > Attachment.MAX_FILES) {
            errors.put("attachments", "A comment carries at most " + Attachment.MAX_FILES + " files; this one has "
                    + remaining + " and you added " + newFiles.size() + ".");
            return;
        }
        for (DraftEdit.NewFile f : newFiles) {
            String name = f.fileName() == null || f.fileName().isBlank() ? "attachment" : f.fileName().strip();
            name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
            if (name.length() > 255) {
                name = name.substring(name.length() - 255);
            }
            if (f.content() == null || f.content().length == 0) {
                addError(errors, "attachments", name + " is empty.");
                continue;
            }
            if (f.content().length > Attachment.MAX_BYTES) {
                addError(errors, "attachments", name + " is " + f.content().length + " bytes; files are limited to 10 MB ("
                        + Attachment.MAX_BYTES + " bytes).");
                continue;
            }
            Optional<AttachmentKind> kind = AttachmentKind.detect(f.content());
            if (kind.isEmpty()) {
                addError(errors, "attachments", name + " is not a PDF, DOCX, XLSX or CSV file (judged by its content, "
                        + "not its name).");
                continue;
            }
            String grounds = f.grounds() == null ? null : f.grounds().strip();
            if (f.confidential() && (grounds == null || grounds.isEmpty())) {
                addError(errors, "attachments", "Confidential file " + name + " needs the grounds for confidential treatment.");
                continue;
            }
            Attachment a = new Attachment();
            a.draftId = d.id;
            a.fileName = name;
            a.kind = kind.get();
            a.mediaType = kind.get().mediaType();
            a.sizeBytes = f.content().length;
            a.sha256 = FilingBuilder.sha256(f.content());
            a.content = f.content();
            a.confidential = f.confidential();
            a.grounds = f.confidential() ? grounds : null;
            a.uploadedBy = user.username();
            a.uploadedAt = clock.instant();
            a.persist();
        }
    }

    /** Adds a field's error after any it already has: checks in a loop must not hide each other. */
    private static void addError(Map<String, String> errors, String field, String message) {
        errors.merge(field, message, (first, next) -> first + " " + next);
    }

    private static String limited(String value, int max, String field, String label, Map<String, String> errors) {
        String v = value.strip();
        if (v.length() > max) {
            errors.put(field, label + " is limited to " + max + " characters.");
        }
        return v.isEmpty() ? null : v;
    }

    /** The bytes of one attachment of the caller's firm. */
    @Transactional
    public Attachment attachment(long draftId, long attachmentId) {
        requireOwn(draftId, LockModeType.NONE);
        Attachment a = Attachment.findById(attachmentId);
        if (a == null || !a.draftId.equals(draftId)) {
            throw new NotFoundException();
        }
        Objects.requireNonNull(a.content);
        return a;
    }

    CommentDraft requireOwn(long draftId, LockModeType lock) {
        Optional<String> firm = user.firm();
        CommentDraft d = CommentDraft.findById(draftId, lock);
        if (d == null || firm.isEmpty() || !d.firm.equals(firm.get())) {
            throw new NotFoundException("No comment draft " + draftId);
        }
        return d;
    }

    private static void requireEditable(CommentDraft d) {
        if (d.submitted()) {
            throw new SubmittedException();
        }
    }

    /** A filed comment cannot change; supplements and withdrawal requests can follow it. */
    public static class SubmittedException extends RuntimeException {
        public SubmittedException() {
            super("This comment has been submitted and cannot change. File a supplement or request withdrawal instead.");
        }
    }

    void recordRevision(CommentDraft d, String summary) {
        DraftRevision r = new DraftRevision();
        r.draftId = d.id;
        r.version = d.version;
        r.savedBy = d.updatedBy;
        r.savedAt = d.updatedAt;
        r.summary = summary.length() > 1000 ? summary.substring(0, 997) + "..." : summary;
        try {
            r.snapshot = json.writeValueAsString(DraftContent.of(d, Attachment.ofDraft(d.id)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        r.persist();
    }

    DraftContent readSnapshot(String snapshot) {
        try {
            return json.readValue(snapshot, DraftContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable draft revision", e);
        }
    }

    Map<String, String> questionNumbers(long consultationId) {
        Map<String, String> numbers = new LinkedHashMap<>();
        consultations.questions(consultationId).forEach(q -> numbers.put(q.key(), q.number()));
        return numbers;
    }

    /** For the deadline reminders: firms whose comment on the consultation is still a draft. */
    @Override
    @Transactional
    public Set<String> firmsWithUnsubmittedDraft(long consultationId) {
        List<String> firms = CommentDraft.find("select distinct d.firm from CommentDraft d where d.consultationId = ?1 "
                + "and d.status = ?2", consultationId, CommentDraft.Status.DRAFT).project(String.class).list();
        return Set.copyOf(firms);
    }
}
