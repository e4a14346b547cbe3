package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A firm's request that a filed comment be withdrawn. The comment stays filed; agency staff decide
 * (the review feature records the decision).
 */
@Entity
@Table(name = "comment_withdrawal_request")
public class WithdrawalRequest extends PanacheEntityBase {

    public enum Status { PENDING, GRANTED, DENIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id", nullable = false)
    public Long submissionId;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(nullable = false, length = 4000)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Status status = Status.PENDING;

    @Column(name = "decided_by", length = 200)
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note", length = 4000)
    public String decisionNote;

    public static List<WithdrawalRequest> ofSubmissions(List<Long> submissionIds) {
        return submissionIds.isEmpty() ? List.of()
                : list("submissionId in ?1 order by requestedAt, id", submissionIds);
    }
}
