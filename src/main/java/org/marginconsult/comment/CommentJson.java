package org.marginconsult.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of drafts, revisions, conflicts and receipts (documented in docs/api.md#comments). */
final class CommentJson {

    private CommentJson() {
    }

    static Map<String, Object> draft(CommentService.DraftView v) {
        CommentDraft d = v.draft();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("consultationId", d.consultationId);
        m.put("firm", d.firm);
        m.put("status", d.status.name());
        m.put("version", d.version);
        m.put("supplementOf", d.supplementOf);
        m.put("updatedBy", d.updatedBy);
        m.put("updatedAt", d.updatedAt.toString());
        Map<String, Object> submitter = new LinkedHashMap<>();
        submitter.put("organization", d.organization);
        submitter.put("category", d.category == null ? null : d.category.name());
        submitter.put("contactName", d.contactName);
        submitter.put("contactEmail", d.contactEmail);
        submitter.put("contactPhone", d.contactPhone);
        m.put("submitter", submitter);
        List<String> agencies = new ArrayList<>();
        if (d.fileWithSec) {
            agencies.add("SEC");
        }
        if (d.fileWithCftc) {
            agencies.add("CFTC");
        }
        m.put("agencies", agencies);
        m.put("coverLetter", d.coverLetter);
        Map<String, String> numbers = new LinkedHashMap<>();
        v.questions().forEach(q -> numbers.put(q.key(), q.number()));
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Answer a : d.answers) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("questionId", a.questionKey);
            am.put("number", numbers.get(a.questionKey));
            am.put("text", a.body);
            am.put("confidential", a.confidential);
            am.put("grounds", a.grounds);
            answers.add(am);
        }
        m.put("answers", answers);
        Map<String, List<Long>> summaries = new LinkedHashMap<>();
        for (ImpactLink l : d.impactLinks) {
            summaries.computeIfAbsent(l.questionKey, k -> new ArrayList<>()).add(l.summaryId);
        }
        m.put("summaries", summaries);
        List<Map<String, Object>> files = new ArrayList<>();
        for (Attachment a : v.attachments()) {
            files.add(attachment(a));
        }
        m.put("attachments", files);
        v.submission().ifPresent(s -> m.put("trackingNumber", s.trackingNumber));
        return m;
    }

    static Map<String, Object> attachment(Attachment a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", a.id);
        f.put("fileName", a.fileName);
        f.put("kind", a.kind.name());
        f.put("sizeBytes", a.sizeBytes);
        f.put("sha256", a.sha256);
        f.put("confidential", a.confidential);
        f.put("grounds", a.grounds);
        return f;
    }

    static Map<String, Object> revision(DraftRevision r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", r.version);
        m.put("savedBy", r.savedBy);
        m.put("savedAt", r.savedAt.toString());
        m.put("summary", r.summary);
        return m;
    }

    static Map<String, Object> conflict(DraftConflictException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", 409);
        m.put("error", "Conflict");
        m.put("message", e.getMessage());
        m.put("changedBy", e.changedBy);
        m.put("changedAt", e.changedAt.toString());
        m.put("yourVersion", e.yourVersion);
        m.put("currentVersion", e.currentVersion);
        List<Map<String, Object>> diffs = new ArrayList<>();
        for (DraftContent.FieldChange c : e.theirChanges) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("field", c.field());
            dm.put("label", c.label());
            dm.put("yourVersion", c.before());
            dm.put("current", c.after());
            diffs.add(dm);
        }
        m.put("differences", diffs);
        return m;
    }

    static Map<String, Object> receipt(SubmissionService.ReceiptView v) {
        Submission s = v.submission();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trackingNumber", s.trackingNumber);
        m.put("receivedAt", s.receivedAt.toString());
        m.put("receivedAtEastern", Times.eastern(s.receivedAt));
        m.put("late", s.late);
        m.put("closesAt", s.closesAt == null ? null : s.closesAt.toString());
        m.put("closesAtEastern", Times.eastern(s.closesAt));
        m.put("consultationId", s.consultationId);
        m.put("consultationTitle", v.full().consultationTitle());
        m.put("organization", s.organization);
        m.put("agencies", v.full().agencies());
        List<Map<String, Object>> ids = new ArrayList<>();
        for (ConsultationFacts.Identifier i : v.full().identifiers()) {
            ids.add(Map.of("agency", i.agency(), "label", i.label(), "value", i.value()));
        }
        m.put("identifiers", ids);
        m.put("sha256", s.fullSha256);
        m.put("publicSha256", s.publicSha256);
        List<Map<String, Object>> files = new ArrayList<>();
        int position = 1;
        for (Attachment a : v.attachments()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("position", position++);
            f.put("fileName", a.fileName);
            f.put("kind", a.kind.name());
            f.put("sizeBytes", a.sizeBytes);
            f.put("sha256", a.sha256);
            f.put("confidential", a.confidential);
            files.add(f);
        }
        m.put("attachments", files);
        m.put("supplementOf", v.full().supplementOf());
        m.put("receiptIssuedAt", v.receipt() == null ? null : v.receipt().issuedAt.toString());
        List<Map<String, Object>> thread = new ArrayList<>();
        for (Submission t : v.thread()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("trackingNumber", t.trackingNumber);
            tm.put("receivedAt", t.receivedAt.toString());
            tm.put("kind", t.supplementOf == null ? "COMMENT" : "SUPPLEMENT");
            tm.put("late", t.late);
            thread.add(tm);
        }
        m.put("thread", thread);
        List<Map<String, Object>> withdrawals = new ArrayList<>();
        for (WithdrawalRequest w : v.withdrawals()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("id", w.id);
            wm.put("submissionId", w.submissionId);
            wm.put("requestedAt", w.requestedAt.toString());
            wm.put("requestedBy", w.requestedBy);
            wm.put("reason", w.reason);
            wm.put("status", w.status.name());
            wm.put("decidedBy", w.decidedBy);
            wm.put("decidedAt", w.decidedAt == null ? null : w.decidedAt.toString());
            wm.put("decisionNote", w.decisionNote);
            withdrawals.add(wm);
        }
        m.put("withdrawalRequests", withdrawals);
        return m;
    }
}
