package org.marginconsult.portfolio;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded, anonymized portfolio of one firm: its metadata, collateral, warnings and totals. The
 * positions themselves live in {@code portfolio_position} (loaded with COPY, read through
 * {@link PortfolioService}). Immutable once stored: a new upload under the same label is a new
 * version, never an update.
 */
@Entity
@Table(name = "portfolio")
public class Portfolio extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owning firm (the {@code firm} claim of the uploader). */
    @Column(nullable = false, length = 100, updatable = false)
    public String firm;

    @Column(nullable = false, length = 120, updatable = false)
    public String label;

    /** 1 for a label's first upload, then 2, 3... never reused. */
    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "as_of", nullable = false, updatable = false)
    public LocalDate asOf;

    @Enumerated(EnumType.STRING)
    @Column(name = "firm_category", nullable = false, length = 20, updatable = false)
    public FirmCategory firmCategory;

    /** CSV, XLSX or JSON. */
    @Column(name = "source_format", nullable = false, length = 10, updatable = false)
    public String sourceFormat;

    /** The uploaded file's name, when it had one. */
    @Column(name = "source_name", length = 255, updatable = false)
    public String sourceName;

    @Column(name = "position_count", nullable = false)
    public int positionCount;

    @Column(name = "warning_count", nullable = false)
    public int warningCount;

    /** Version of the reference data the warnings and risk-group totals were computed with. */
    @Column(name = "reference_data_version", nullable = false, length = 40, updatable = false)
    public String referenceDataVersion;

    @Column(name = "uploaded_by", nullable = false, length = 200, updatable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    public Instant uploadedAt;

    @ElementCollection
    @CollectionTable(name = "portfolio_collateral", joinColumns = @JoinColumn(name = "portfolio_id"))
    @OrderColumn(name = "line_no")
    public List<CollateralLine> collateral = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "portfolio_warning", joinColumns = @JoinColumn(name = "portfolio_id"))
    @OrderColumn(name = "seq")
    public List<StoredWarning> warnings = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "portfolio_total", joinColumns = @JoinColumn(name = "portfolio_id"))
    public List<PortfolioTotal> totals = new ArrayList<>();

    /** "Q4 book v3". */
    public String title() {
        return label + " v" + version;
    }
}
