package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A comment as filed: immutable (a database trigger refuses updates and deletes). It keeps the exact
 * full and public versions that were hashed, so the hashes on the receipt can be checked against it at
 * any later time. One submission per draft; a supplement is a submission of another draft, linked by
 * {@link #supplementOf}.
 */
@Entity
@Table(name = "comment_submission")
public class Submission extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id", nullable = false, unique = true)
    public Long draftId;

    @Column(name = "consultation_id", nullable = false)
    public Long consultationId;

    @Column(nullable = false, length = 100)
    public String firm;

    @Column(name = "supplement_of")
    public Long supplementOf;

    @Column(name = "tracking_number", nullable = false, unique = true, length = 24)
    public String trackingNumber;

    @Column(name = "idempotency_key", nullable = false, length = 200)
    public String idempotencyKey;

    @Column(name = "submitted_by", nullable = false, length = 200)
    public String submittedBy;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public boolean late;

    /** The closing instant the deadline check judged against (after extensions and reopenings). */
    @Column(name = "closes_at")
    public Instant closesAt;

    @Column(nullable = false, length = 300)
    public String organization;

    /** "SEC", "CFTC" or "SEC,CFTC". */
    @Column(nullable = false, length = 20)
    public String agencies;

    /** Each agency's identifiers of the consultation, as filed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String identifiers;

    @Column(name = "full_document", nullable = false, columnDefinition = "text")
    public String fullDocument;

    @Column(name = "full_sha256", nullable = false, length = 64)
    public String fullSha256;

    @Column(name = "public_document", nullable = false, columnDefinition = "text")
    public String publicDocument;

    @Column(name = "public_sha256", nullable = false, length = 64)
    public String publicSha256;

    public static Optional<Submission> byTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResultOptional();
    }

    public static Optional<Submission> ofDraft(long draftId) {
        return find("draftId", draftId).firstResultOptional();
    }

    /** The submission and its supplements, oldest first. */
    public static List<Submission> thread(long rootId) {
        return list("id = ?1 or supplementOf = ?1 order by receivedAt, id", rootId);
    }
}
