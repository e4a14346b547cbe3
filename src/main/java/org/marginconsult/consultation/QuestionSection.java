package org.marginconsult.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A topic section of a consultation's questions, e.g. "3. Capital, segregation and collateral". */
@Entity
@Table(name = "question_section")
public class QuestionSection extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consultation_id", nullable = false)
    public Long consultationId;

    /** Stable key, kept when the section is renumbered. */
    @Column(name = "section_key", nullable = false, length = 64)
    public String key;

    /** Display number as the notice prints it ("3", "III"). */
    @Column(nullable = false, length = 20)
    public String number;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public boolean withdrawn;

    @OneToMany(mappedBy = "section")
    @OrderBy("position")
    public List<Question> questions = new ArrayList<>();

    public static List<QuestionSection> ofConsultation(long consultationId) {
        return list("consultationId = ?1 order by position, id", consultationId);
    }
}
