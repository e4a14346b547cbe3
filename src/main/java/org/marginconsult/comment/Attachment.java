package org.marginconsult.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A file attached to a draft, kept in PostgreSQL with its SHA-256 so that a submission and its files
 * commit together. The row never changes once written (a database trigger refuses updates); the
 * content is loaded only when asked for.
 */
@Entity
@Table(name = "comment_attachment")
public class Attachment extends PanacheEntityBase {

    /** The most files a comment may carry, as on Regulations.gov. */
    public static final int MAX_FILES = 20;
    /** The largest file accepted: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id", nullable = false)
    public Long draftId;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public AttachmentKind kind;

    @Column(name = "media_type", nullable = false, length = 120)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public boolean confidential;

    @Column(length = 4000)
    public String grounds;

    @Column(name = "uploaded_by", nullable = false, length = 200)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static List<Attachment> ofDraft(long draftId) {
        return list("draftId = ?1 order by id", draftId);
    }
}
