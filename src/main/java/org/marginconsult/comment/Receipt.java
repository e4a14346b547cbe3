package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The acknowledgement that a submission was received. Written in its own transaction only after the
 * submission's transaction has committed, so a receipt never exists for a comment that was not stored.
 */
@Entity
@Table(name = "comment_receipt")
public class Receipt extends PanacheEntityBase {

    @Id
    @Column(name = "submission_id")
    public Long submissionId;

    @Column(name = "tracking_number", nullable = false, unique = true, length = 24)
    public String trackingNumber;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
