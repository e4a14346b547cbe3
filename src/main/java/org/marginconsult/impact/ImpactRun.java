package org.marginconsult.impact;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One impact run: a durable job (status, progress, lease) and, once done, its immutable result as
 * JSON. Only {@link RunQueue} changes the job columns, always under the lease of the worker holding it.
 */
@Entity
@Table(name = "impact_run")
public class ImpactRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String firm;

    @Column(name = "portfolio_id", nullable = false, updatable = false)
    public long portfolioId;

    @Column(name = "portfolio_label", nullable = false, updatable = false)
    public String portfolioLabel;

    @Column(name = "portfolio_version", nullable = false, updatable = false)
    public int portfolioVersion;

    @Column(name = "consultation_id", updatable = false)
    public Long consultationId;

    /** Proposal ids, comma-separated, in the order chosen. */
    @Column(nullable = false, updatable = false)
    public String proposals;

    @Enumerated(EnumType.STRING)
    @Column(name = "securities_regime", nullable = false, updatable = false)
    public SecuritiesRegime securitiesRegime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Column(nullable = false)
    public int progress;

    public String stage;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "input_hash")
    public String inputHash;

    @Column(name = "engine_version")
    public String engineVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public String result;

    public List<String> proposalIds() {
        return Arrays.asList(proposals.split(","));
    }
}
