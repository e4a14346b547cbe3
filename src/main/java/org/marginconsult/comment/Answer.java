package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The answer of a draft to one question, addressed by the question's stable key (never its display
 * number, which a correction may change). Plain text; confidential answers carry the grounds of the
 * request for confidential treatment.
 */
@Entity
@Table(name = "comment_answer")
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draft_id", nullable = false)
    public CommentDraft draft;

    @Column(name = "question_key", nullable = false, length = 64)
    public String questionKey;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(nullable = false)
    public boolean confidential;

    @Column(length = 4000)
    public String grounds;
}
