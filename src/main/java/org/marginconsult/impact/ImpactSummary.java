package org.marginconsult.impact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The aggregated impact a firm lets leave it: created from a done run, immutable, the only object a
 * comment can attach and the only firm data staff ever see. Its content is a {@link SummaryContent}
 * as JSON, which by construction has no position-level field.
 */
@Entity
@Table(name = "impact_summary")
public class ImpactSummary extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String firm;

    @Column(name = "run_id", nullable = false, updatable = false)
    public long runId;

    @Column(name = "consultation_id", updatable = false)
    public Long consultationId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String content;
}
