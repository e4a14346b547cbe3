package org.marginconsult.consultation;

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

/** A lettered sub-part of a question, e.g. "(a) For futures, ...". */
@Entity
@Table(name = "question_part")
public class QuestionPart extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id", nullable = false)
    public Question question;

    @Column(nullable = false, length = 10)
    public String label;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(nullable = false)
    public int position;
}
