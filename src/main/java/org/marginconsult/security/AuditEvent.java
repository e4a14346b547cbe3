package org.marginconsult.security;

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

/** One audited state change: who did what to which entity, when, with the state before and after. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false, length = 100)
    public String action;

    @Column(name = "entity_type", nullable = false, length = 100)
    public String entityType;

    @Column(name = "entity_id", nullable = false, length = 200)
    public String entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String beforeState;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String afterState;

    @Column(length = 2000)
    public String detail;
}
