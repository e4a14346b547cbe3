package org.marginconsult.consultation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request for comment run by the SEC, the CFTC or both: what it is about, how the agencies identify
 * it, its comment period (as the history of {@link PeriodEvent}s), its questions and the cross-margin
 * proposals it asks participants to model against.
 */
@Entity
@Table(name = "consultation")
public class Consultation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Readable, stable key (e.g. {@code sec-cftc-2020-uncleared-swaps}); the seeder finds its rows by it. */
    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String summary;

    @Column(name = "agency_sec", nullable = false)
    public boolean agencySec;

    @Column(name = "agency_cftc", nullable = false)
    public boolean agencyCftc;

    @Column(name = "sec_file_number", length = 40)
    public String secFileNumber;

    @Column(name = "sec_release_number", length = 60)
    public String secReleaseNumber;

    @Column(name = "sec_rin", length = 20)
    public String secRin;

    @Column(name = "cftc_rin", length = 20)
    public String cftcRin;

    @Column(name = "fr_document_number", length = 40)
    public String frDocumentNumber;

    @Column(name = "fr_citation", length = 60)
    public String frCitation;

    @Column(name = "notice_url", length = 500)
    public String noticeUrl;

    /** Planned publication date while a draft; set from the OPEN event once published. */
    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "period_days", nullable = false)
    public int periodDays = 60;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_comment_policy", nullable = false, length = 20)
    public LateCommentPolicy lateCommentPolicy = LateCommentPolicy.REJECT;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    @OneToMany(mappedBy = "consultation")
    @OrderBy("seq")
    public List<PeriodEvent> events = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "consultation_proposal", joinColumns = @JoinColumn(name = "consultation_id"))
    @OrderColumn(name = "position")
    public List<ProposalRef> proposals = new ArrayList<>();

    public static Optional<Consultation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Set<Agency> agencies() {
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        if (agencySec) {
            agencies.add(Agency.SEC);
        }
        if (agencyCftc) {
            agencies.add(Agency.CFTC);
        }
        return agencies;
    }

    public CommentPeriod commentPeriod() {
        return CommentPeriod.of(events);
    }
}
