package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** An impact summary (aggregated, never position-level) that a draft attaches to one question. */
@Entity
@Table(name = "comment_impact_link")
@IdClass(ImpactLink.Key.class)
public class ImpactLink extends PanacheEntityBase {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draft_id", nullable = false)
    public CommentDraft draft;

    @Id
    @Column(name = "question_key", nullable = false, length = 64)
    public String questionKey;

    @Id
    @Column(name = "summary_id", nullable = false)
    public Long summaryId;

    /** The composite key. */
    public static class Key implements Serializable {
        public Long draft;
        public String questionKey;
        public Long summaryId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(draft, k.draft) && Objects.equals(questionKey, k.questionKey)
                    && Objects.equals(summaryId, k.summaryId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(draft, questionKey, summaryId);
        }
    }
}
