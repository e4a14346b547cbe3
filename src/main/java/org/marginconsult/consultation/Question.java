package org.marginconsult.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A numbered question of a consultation. Comments answer it by its stable {@link #key}, never by its
 * display number, which a correction notice may change. A withdrawn question is hidden but kept, so
 * answers already written to it keep their target.
 */
@Entity
@Table(name = "question")
public class Question extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consultation_id", nullable = false)
    public Long consultationId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id", nullable = false)
    public QuestionSection section;

    @Column(name = "question_key", nullable = false, length = 64)
    public String key;

    @Column(nullable = false, length = 20)
    public String number;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    /** Drafted by the application team in the spirit of a topic, until the notice's own questions are imported. */
    @Column(nullable = false)
    public boolean provisional;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean withdrawn;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<QuestionPart> parts = new ArrayList<>();

    public static Optional<Question> findByKey(long consultationId, String key) {
        return find("consultationId = ?1 and key = ?2", consultationId, key).firstResultOptional();
    }
}
