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

/** A draft as it stood after one save: who saved it, when, and every field's value (as JSON). */
@Entity
@Table(name = "comment_draft_revision")
public class DraftRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id", nullable = false)
    public Long draftId;

    @Column(nullable = false)
    public int version;

    @Column(name = "saved_by", nullable = false, length = 200)
    public String savedBy;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    /** The fields this save changed, in words. */
    @Column(nullable = false, length = 1000)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String snapshot;

    public static List<DraftRevision> ofDraft(long draftId) {
        return list("draftId = ?1 order by version desc", draftId);
    }

    public static Optional<DraftRevision> at(long draftId, int version) {
        return find("draftId = ?1 and version = ?2", draftId, version).firstResultOptional();
    }
}
