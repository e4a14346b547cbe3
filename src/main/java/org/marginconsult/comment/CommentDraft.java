package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A firm's comment on a consultation while it is being written. It belongs to the firm, not to the
 * participant who started it: every participant of the firm edits it. Saves are optimistically locked
 * on {@link #version}; each save leaves a {@link DraftRevision}. Once submitted the draft is frozen and
 * the {@link Submission} holds what was filed.
 */
@Entity
@Table(name = "comment_draft")
public class CommentDraft extends PanacheEntityBase {

    public enum Status { DRAFT, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consultation_id", nullable = false)
    public Long consultationId;

    @Column(nullable = false, length = 100)
    public String firm;

    /** The submission this draft supplements, once it is filed; null for a firm's main comment. */
    @Column(name = "supplement_of")
    public Long supplementOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public Status status = Status.DRAFT;

    @Column(length = 300)
    public String organization;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    public SubmitterCategory category;

    @Column(name = "contact_name", length = 200)
    public String contactName;

    @Column(name = "contact_email", length = 320)
    public String contactEmail;

    @Column(name = "contact_phone", length = 40)
    public String contactPhone;

    @Column(name = "file_with_sec", nullable = false)
    public boolean fileWithSec;

    @Column(name = "file_with_cftc", nullable = false)
    public boolean fileWithCftc;

    @Column(name = "cover_letter", nullable = false, columnDefinition = "text")
    public String coverLetter = "";

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Bumped by every save. Editors send the version they started from; a save on an older version is
     * refused with the differences (optimistic locking, checked under a row lock by the service).
     */
    @Column(nullable = false)
    public int version;

    @OneToMany(mappedBy = "draft", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("questionKey")
    public List<Answer> answers = new ArrayList<>();

    @OneToMany(mappedBy = "draft", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ImpactLink> impactLinks = new ArrayList<>();

    public boolean submitted() {
        return status == Status.SUBMITTED;
    }
}
