package org.marginconsult.portfolio;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import org.marginconsult.margin.Position;
import org.marginconsult.security.AuditLog;
import org.marginconsult.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Portfolios of the caller's firm: upload (validate everything, then store whole or not at all),
 * list, read, export, delete, and the holds that keep a portfolio relied upon from being deleted.
 *
 * <p>Firm privacy: every method that takes a portfolio id checks it belongs to the caller's firm and
 * otherwise throws {@link NotFoundException}, for other firms and for staff alike, so the answer never
 * confirms that the portfolio exists.
 *
 * <p>For other features: {@link #requireOwned(long)} (ownership check), {@link #positions(long)} and
 * {@link #forEachPosition(long, Consumer)} (the positions as the engine's {@link Position}s),
 * {@link #hold(long, String, String, String)} (the comment feature, on submission).
 */
@ApplicationScoped
public class PortfolioService {

    /** The accepted upload formats. */
    public enum UploadFormat { CSV, XLSX, JSON }

    /**
     * An upload saved to disk.
     *
     * @param path         the saved bytes
     * @param format       how to read them
     * @param originalName the uploaded file's name, or null
     */
    public record UploadFile(Path path, UploadFormat format, String originalName) {
    }

    /**
     * A stored upload.
     *
     * @param portfolio    the new portfolio (version set)
     * @param warnings     the first warnings
     * @param warningCount all warnings
     */
    public record UploadOutcome(Portfolio portfolio, List<UploadWarning> warnings, int warningCount) {
    }

    /** What the audit trail records of a portfolio. */
    public record Summary(long id, String firm, String label, int version, LocalDate asOf, FirmCategory firmCategory,
            int positions, int warnings, String format, String sourceName) {

        static Summary of(Portfolio p) {
            return new Summary(p.id, p.firm, p.label, p.version, p.asOf, p.firmCategory, p.positionCount,
                    p.warningCount, p.sourceFormat, p.sourceName);
        }
    }

    /** Something that relies on a portfolio (see {@link #hold}). */
    public record Hold(String holderType, String holderId, String reason, java.time.Instant heldAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    PositionStore store;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    PortfolioConfig config;

    @Inject
    org.marginconsult.impact.MarginCatalog referenceData;

    /** The rules an upload is read with, apart from the as-of date. */
    public ReadRules rules(LocalDate asOf) {
        return new ReadRules(asOf, config.maxUploadSize().asLongValue(), config.maxRows(), config.maxReportedErrors());
    }

    /**
     * Validates an upload completely and stores it as the next version of its label, or stores nothing.
     *
     * <p>The upload's bytes are already on disk (the HTTP layer or {@link UploadSpool} saved them), so the
     * client's network never holds a transaction open. Metadata errors refuse the upload without a
     * transaction. Otherwise one transaction reads the file and streams every valid row into
     * portfolio_position with COPY as it goes, so reading and the database's work overlap; the first
     * error in the file cancels the COPY and reading goes on only to report every error, after which the
     * transaction is rolled back. A valid upload then gets its version number, its portfolio row and its
     * audit record in the same transaction. See docs/decisions/0202-portfolio-upload-saved-then-copied.md.
     *
     * @param input metadata as typed (for JSON uploads, taken from the document instead)
     * @param file  the saved upload, or null when the form had no file
     * @return the stored portfolio and its warnings
     * @throws UploadRejectedException with every error (or the first ones and their count)
     */
    public UploadOutcome upload(MetadataInput input, UploadFile file) {
        return uploadFor(user.requireFirm(), user.username(), input, file);
    }

    /**
     * {@link #upload} for a firm named explicitly, for work with no caller whose firm to take: the demo
     * portfolios loaded at start ({@link org.marginconsult.portfolio.seed.DemoPortfolioSeeder}). The same
     * checks, the same single transaction, the same audit record, whose actor is the caller or, with no
     * caller (at start), {@link AuditLog#SYSTEM_ACTOR}.
     *
     * @param firm     the firm that will own the portfolio
     * @param uploader recorded as the portfolio's uploader
     * @throws UploadRejectedException with every error (or the first ones and their count)
     */
    public UploadOutcome uploadFor(String firm, String uploader, MetadataInput input, UploadFile file) {
        if (firm == null || firm.isBlank()) {
            throw new IllegalArgumentException("A portfolio belongs to a firm: none given");
        }
        List<UploadError> errors = new ArrayList<>();
        if (file == null) {
            errors.addAll(PortfolioMetadata.check(input, LocalDate.now(clock)).errors());
            errors.add(new UploadError(null, "file", "Choose a file to upload: CSV or XLSX (the template is a good"
                    + " start).", ErrorKind.EMPTY_FILE));
            throw new UploadRejectedException(errors, errors.size(), false);
        }
        try {
            MetadataInput typed = input;
            if (file.format() == UploadFormat.JSON) {
                PositionReader.JsonMetadata json = reader().jsonMetadata(file.path());
                errors.addAll(json.errors());
                if (json.errors().stream().anyMatch(e -> e.code() == ErrorKind.UNREADABLE_FILE)) {
                    throw new UploadRejectedException(errors, errors.size(), false);
                }
                typed = json.input();
            }
            PortfolioMetadata.Checked checked = PortfolioMetadata.check(typed, LocalDate.now(clock));
            errors.addAll(checked.errors());
            ReadRules rules = rules(checked.asOf());
            if (!errors.isEmpty()) {
                ReadResult result = read(file, rules, (line, position, cells) -> {
                });
                throw rejected(errors, result);
            }
            PortfolioMetadata metadata = checked.metadata();
            return QuarkusTransaction.requiringNew().timeout(STORE_TIMEOUT_SECONDS)
                    .call(() -> store(firm, uploader, metadata, file, rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reading and loading 2,000,000 rows takes well under a minute; the margin covers a slow disk. */
    static final int STORE_TIMEOUT_SECONDS = 600;

    private UploadOutcome store(String firm, String uploader, PortfolioMetadata metadata, UploadFile file,
            ReadRules rules) throws IOException {
        long id = ((Number) em.createNativeQuery("select nextval(pg_get_serial_sequence('portfolio', 'id'))")
                .getSingleResult()).longValue();
        TotalsAccumulator totals = new TotalsAccumulator(referenceData.referenceData());
        ReadResult result = store.copyIn(out -> {
            PositionCopyWriter writer = new PositionCopyWriter(out, id);
            ReadResult r = read(file, rules, (line, position, cells) -> {
                writer.accept(line, position, cells);
                totals.accept(line, position, cells);
            });
            if (r.valid()) {
                writer.finish();
            }
            return r;
        }, ReadResult::valid);
        if (!result.valid()) {
            throw rejected(List.of(), result);
        }
        Portfolio portfolio = new Portfolio();
        portfolio.id = id;
        portfolio.firm = firm;
        portfolio.label = metadata.label();
        portfolio.version = nextVersion(firm, metadata.label());
        portfolio.asOf = metadata.asOf();
        portfolio.firmCategory = metadata.firmCategory();
        portfolio.sourceFormat = file.format().name();
        portfolio.sourceName = sourceName(file.originalName());
        portfolio.referenceDataVersion = referenceData.referenceData().version();
        portfolio.uploadedBy = uploader;
        portfolio.uploadedAt = clock.instant();
        portfolio.positionCount = result.positions();
        portfolio.warningCount = result.warningCount();
        portfolio.collateral.addAll(metadata.collateral());
        result.warnings().forEach(w -> portfolio.warnings.add(new StoredWarning(w)));
        portfolio.totals.addAll(totals.totals());
        portfolio.persist();
        audit.record("portfolio.upload", "portfolio", portfolio.id, null, Summary.of(portfolio),
                portfolio.title() + ": " + result.positions() + " positions, " + result.warningCount() + " warnings");
        return new UploadOutcome(portfolio, result.warnings(), result.warningCount());
    }

    private ReadResult read(UploadFile file, ReadRules rules, PositionSink sink) throws IOException {
        PositionReader reader = reader();
        return switch (file.format()) {
            case CSV -> {
                try (InputStream in = Files.newInputStream(file.path())) {
                    yield reader.csv(in, rules, sink);
                }
            }
            case XLSX -> reader.xlsx(file.path(), rules, sink);
            case JSON -> reader.json(file.path(), rules, sink);
        };
    }

    private PositionReader reader() {
        return new PositionReader(referenceData.referenceData());
    }

    private UploadRejectedException rejected(List<UploadError> metadataErrors, ReadResult result) {
        List<UploadError> all = new ArrayList<>(metadataErrors);
        for (UploadError e : result.errors()) {
            if (all.size() >= config.maxReportedErrors()) {
                break;
            }
            all.add(e);
        }
        return new UploadRejectedException(all, metadataErrors.size() + result.errorCount(), result.overLimit());
    }

    /** Numbers the next version of a label and locks the label until this transaction ends. */
    private int nextVersion(String firm, String label) {
        Object version = em.createNativeQuery("insert into portfolio_series (firm, label, last_version) values (?1, ?2, 1)"
                + " on conflict (firm, label) do update set last_version = portfolio_series.last_version + 1"
                + " returning last_version")
                .setParameter(1, firm)
                .setParameter(2, label)
                .getSingleResult();
        return ((Number) version).intValue();
    }

    private static String sourceName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = Path.of(name.replace('\\', '/')).getFileName().toString();
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    /** Whether the firm has a portfolio under this label (any version). */
    public boolean hasLabel(String firm, String label) {
        return Portfolio.count("firm = ?1 and label = ?2", firm, label) > 0;
    }

    /** The caller's firm's portfolios, newest first; none for a caller without a firm. */
    public List<Portfolio> listOwned() {
        Optional<String> firm = user.firm();
        if (firm.isEmpty()) {
            return List.of();
        }
        return Portfolio.list("firm = ?1 order by uploadedAt desc, id desc", firm.get());
    }

    /**
     * A portfolio of the caller's firm.
     *
     * @throws NotFoundException when it does not exist or belongs to another firm, or the caller has no firm
     */
    public Portfolio requireOwned(long id) {
        return requireOwnedBy(id, user.firm().orElse(null));
    }

    /**
     * A portfolio of the given firm, for work that runs outside a request (an impact run's job).
     *
     * @throws NotFoundException when it does not exist or belongs to another firm
     */
    public Portfolio requireOwnedBy(long id, String firm) {
        if (firm == null) {
            throw new NotFoundException();
        }
        Portfolio p = Portfolio.find("id = ?1 and firm = ?2", id, firm).firstResult();
        if (p == null) {
            throw new NotFoundException();
        }
        return p;
    }

    /** One page of a portfolio's positions, in line order. */
    @Transactional
    public PositionStore.Page positions(long id, PositionStore.Filter filter, int page) {
        requireOwned(id);
        return store.page(id, filter, Math.max(0, page), config.pageSize());
    }

    /**
     * Every position of a portfolio of the caller's firm, as the engine's positions, in line order.
     * Holds them all in memory: for the largest portfolios prefer {@link #forEachPosition}.
     */
    @Transactional
    public List<Position> positions(long id) {
        requireOwned(id);
        List<Position> out = new ArrayList<>();
        store.forEach(id, stored -> out.add(stored.position()));
        return out;
    }

    /** Streams every position of a portfolio of the caller's firm, in line order. */
    @Transactional
    public void forEachPosition(long id, Consumer<PositionStore.StoredPosition> consumer) {
        requireOwned(id);
        store.forEach(id, consumer);
    }

    /**
     * Streams every position of a portfolio of the given firm, in line order, for work outside a request
     * (an impact run's job), where there is no caller whose firm to check.
     *
     * @throws NotFoundException when the portfolio is not that firm's
     */
    @Transactional
    public void forEachPosition(long id, String firm, Consumer<PositionStore.StoredPosition> consumer) {
        requireOwnedBy(id, firm);
        store.forEach(id, consumer);
    }

    /**
     * Writes a portfolio as CSV in the upload format, so it can be edited and uploaded again. Text that
     * a spreadsheet would run as a formula gets a leading apostrophe ({@link SafeText}).
     */
    @Transactional
    public void exportCsv(long id, OutputStream out) {
        requireOwned(id);
        try {
            Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                    1 << 16);
            writer.write(PositionColumn.headerLine());
            writer.write("\r\n");
            store.forEach(id, stored -> {
                try {
                    writer.write(csvLine(stored.position()));
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvLine(Position p) {
        return String.join(",",
                SafeText.csvField(p.positionId()),
                p.account().name(),
                p.instrumentType().name(),
                SafeText.csvField(p.symbol()),
                SafeText.csvField(p.underlying()),
                plain(p.quantity()),
                plain(p.multiplier()),
                plain(p.price()),
                plain(p.underlyingPrice()),
                p.optionType() == null ? "" : p.optionType().name(),
                plain(p.strike()),
                p.expiry() == null ? "" : p.expiry().toString(),
                plain(p.impliedVol()),
                plain(p.dv01()),
                SafeText.csvField(p.currency()));
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * Deletes a portfolio of the caller's firm with its positions.
     *
     * @throws NotFoundException      when it is not the caller's firm's
     * @throws PortfolioHeldException when something relies on it (a submitted comment)
     */
    @Transactional
    public void delete(long id) {
        Portfolio portfolio = requireOwned(id);
        List<Hold> holds = holds(id);
        if (!holds.isEmpty()) {
            throw new PortfolioHeldException(portfolio.title(), holds);
        }
        Summary before = Summary.of(portfolio);
        int positions = store.delete(id);
        portfolio.delete();
        audit.record("portfolio.delete", "portfolio", id, before, null,
                portfolio.title() + ": " + positions + " positions deleted");
    }

    /**
     * Records that something relies on a portfolio, which can then no longer be deleted. Submitted
     * comments need not call this (see {@link #holds}); it is for any other feature that must keep a
     * portfolio. Holding twice for the same holder is harmless.
     *
     * @param id         a portfolio of the caller's firm
     * @param holderType what relies on it, e.g. {@code comment}
     * @param holderId   which one, e.g. the comment's tracking number
     * @param reason     shown to the user who tries to delete, e.g. "attached to comment MC-2026-0042, submitted"
     * @throws NotFoundException when the portfolio is not the caller's firm's
     */
    @Transactional
    public void hold(long id, String holderType, String holderId, String reason) {
        requireOwned(id);
        int added = em.createNativeQuery("insert into portfolio_hold (portfolio_id, holder_type, holder_id, reason, held_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, id)
                .setParameter(2, holderType)
                .setParameter(3, holderId)
                .setParameter(4, reason)
                .setParameter(5, clock.instant())
                .executeUpdate();
        if (added > 0) {
            audit.record("portfolio.hold", "portfolio", id, null, new Hold(holderType, holderId, reason, clock.instant()),
                    reason);
        }
    }

    /**
     * What relies on a portfolio (empty when it may be deleted): every submitted comment with an impact
     * summary of a run on this portfolio attached (read from the comment and impact tables: a submission
     * links its draft, whose impact links name summaries, whose runs name the portfolio), and every
     * explicit {@link #hold}.
     */
    @SuppressWarnings("unchecked")
    public List<Hold> holds(long id) {
        List<Hold> holds = new ArrayList<>();
        List<Object[]> comments = em.createNativeQuery("select distinct s.tracking_number, s.received_at"
                + " from comment_submission s"
                + " join comment_impact_link l on l.draft_id = s.draft_id"
                + " join impact_summary m on m.id = l.summary_id"
                + " join impact_run r on r.id = m.run_id"
                + " where r.portfolio_id = ?1 and r.firm = s.firm"
                + " order by s.received_at, s.tracking_number")
                .setParameter(1, id)
                .getResultList();
        for (Object[] r : comments) {
            java.time.Instant received = toInstant(r[1]);
            holds.add(new Hold("comment", (String) r[0], "its impact is attached to comment " + r[0] + ", submitted "
                    + received.atZone(java.time.ZoneOffset.UTC).toLocalDate(), received));
        }
        List<Object[]> rows = em.createNativeQuery("select holder_type, holder_id, reason, held_at from portfolio_hold"
                + " where portfolio_id = ?1 order by held_at, holder_type, holder_id")
                .setParameter(1, id)
                .getResultList();
        rows.forEach(r -> holds.add(new Hold((String) r[0], (String) r[1], (String) r[2], toInstant(r[3]))));
        return holds;
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
