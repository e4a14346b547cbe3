package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** Which attachment was filed with a submission, in the order filed. Immutable, like the submission. */
@Entity
@Table(name = "comment_submission_attachment")
@IdClass(SubmissionAttachment.Key.class)
public class SubmissionAttachment extends PanacheEntityBase {

    @Id
    @Column(name = "submission_id", nullable = false)
    public Long submissionId;

    @Id
    @Column(nullable = false)
    public int position;

    @Column(name = "attachment_id", nullable = false)
    public Long attachmentId;

    public static List<SubmissionAttachment> of(long submissionId) {
        return list("submissionId = ?1 order by position", submissionId);
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public Long submissionId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(submissionId, k.submissionId) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, position);
        }
    }
}
