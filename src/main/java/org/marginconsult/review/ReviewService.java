package org.marginconsult.review;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.marginconsult.comment.Submission;
import org.marginconsult.comment.SubmissionService;
import org.marginconsult.comment.WithdrawalRequest;
import org.marginconsult.consultation.Consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What agency staff review: the comments filed on each consultation and the firms' requests that a filed
 * comment be withdrawn, which staff grant or deny here. Only staff reach it (the pages are restricted, and
 * {@link SubmissionService#decideWithdrawal} checks the role again).
 */
@ApplicationScoped
public class ReviewService {

    /** How many decided withdrawal requests the page shows, newest first. */
    static final int DECIDED_SHOWN = 20;

    /** A consultation and the comments filed on it, newest first. */
    public record ConsultationFilings(Consultation consultation, List<FiledComment> filings) {

        public long lateCount() {
            return filings.stream().filter(FiledComment::late).count();
        }

        public long supplementCount() {
            return filings.stream().filter(FiledComment::supplement).count();
        }
    }

    /** A withdrawal request with the filed comment it concerns. */
    public record Withdrawal(WithdrawalRequest request, Submission submission, String consultationTitle) {

        public String decisionAction() {
            return "/review/withdrawal-requests/" + request.id + "/decision";
        }
    }

    /** Everything on the review page. */
    public record Overview(List<ConsultationFilings> consultations, List<Withdrawal> pending, List<Withdrawal> decided) {

        public long filedCount() {
            return consultations.stream().mapToLong(c -> c.filings().size()).sum();
        }

        public int decidedShown() {
            return DECIDED_SHOWN;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    SubmissionService submissions;

    @Transactional
    public Overview overview() {
        Map<Long, List<FiledComment>> byConsultation = new LinkedHashMap<>();
        // A projection: the filed documents are large and the list needs none of them.
        for (FiledComment f : em.createQuery("select new org.marginconsult.review.FiledComment(s.id, s.consultationId,"
                + " s.trackingNumber, s.receivedAt, s.organization, s.late, s.supplementOf) from Submission s"
                + " order by s.receivedAt desc, s.id desc", FiledComment.class).getResultList()) {
            byConsultation.computeIfAbsent(f.consultationId(), k -> new ArrayList<>()).add(f);
        }
        List<ConsultationFilings> consultations = new ArrayList<>();
        for (Consultation c : Consultation.<Consultation>listAll(Sort.by("publishedOn").descending().and("id"))) {
            List<FiledComment> filed = byConsultation.get(c.id);
            if (filed != null) {
                consultations.add(new ConsultationFilings(c, filed));
            }
        }
        List<Withdrawal> pending = withdrawals(WithdrawalRequest.list("status = ?1",
                Sort.by("requestedAt").and("id"), WithdrawalRequest.Status.PENDING));
        List<Withdrawal> decided = withdrawals(WithdrawalRequest.find("status <> ?1",
                Sort.by("decidedAt").descending().and("id", Sort.Direction.Descending), WithdrawalRequest.Status.PENDING)
                .page(0, DECIDED_SHOWN).list());
        return new Overview(consultations, pending, decided);
    }

    private static List<Withdrawal> withdrawals(List<WithdrawalRequest> requests) {
        List<Withdrawal> out = new ArrayList<>();
        for (WithdrawalRequest w : requests) {
            Submission s = Submission.findById(w.submissionId);
            Consultation c = Consultation.findById(s.consultationId);
            out.add(new Withdrawal(w, s, c == null ? "" : c.title));
        }
        return out;
    }

    /**
     * Staff's decision on a withdrawal request, as {@link SubmissionService#decideWithdrawal} records and
     * audits it.
     *
     * @return the filed comment's tracking number
     */
    @Transactional
    public String decideWithdrawal(long requestId, boolean grant, String note) {
        WithdrawalRequest w = submissions.decideWithdrawal(requestId, grant, note);
        return Submission.<Submission>findById(w.submissionId).trackingNumber;
    }
}
