package org.marginconsult.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change to a comment period, as a Federal Register document announced it: the closing instant in
 * force after it, the citation, the reason, who recorded it and when. Append-only: the application
 * never updates a row, and the database refuses updates and deletes.
 */
@Entity
@Immutable
@Table(name = "period_event")
public class PeriodEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultation_id", nullable = false)
    public Consultation consultation;

    /** 1 for the OPEN event, then one more per event. */
    @Column(nullable = false)
    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public PeriodEventType type;

    @Column(name = "fr_citation", nullable = false, length = 200)
    public String frCitation;

    @Column(nullable = false, length = 2000)
    public String reason;

    /** Start of the window: set for OPEN and REOPEN, and for a CORRECTION that moves the start. */
    @Column(name = "opens_at")
    public Instant opensAt;

    /** The closing instant in force after this event (the last on-time second). */
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "previous_closes_at")
    public Instant previousClosesAt;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "period_days")
    public Integer periodDays;

    /** What the "N days after publication" rule gave, when the event was computed by it. */
    @Column(name = "computed_closes_at")
    public Instant computedClosesAt;

    @Column(name = "override_reason", length = 2000)
    public String overrideReason;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
