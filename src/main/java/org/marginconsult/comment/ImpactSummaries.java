package org.marginconsult.comment;

import org.marginconsult.web.SvgCharts;

import java.util.List;
import java.util.Optional;

/**
 * The impact summaries a firm may attach to its comment's questions: aggregated figures only, never
 * position-level data. Implemented by the impact feature, which owns summaries; a comment refers to a
 * summary by id and copies its table into the filing when it is submitted.
 */
public interface ImpactSummaries {

    /** A summary as a comment shows it: a titled table and where the figures came from. */
    @io.quarkus.qute.TemplateData
    record Table(long id, String title, List<String> columns, List<List<String>> rows, String provenance) {
    }

    /** The summary, if it exists and belongs to {@code firm}; empty otherwise (never another firm's). */
    Optional<Table> find(long summaryId, String firm);

    /**
     * A summary as the picker on the draft page offers it: what it is, which portfolio it was computed
     * on, when, and its totals (today's, then each proposal's).
     */
    @io.quarkus.qute.TemplateData
    record Choice(long id, String title, String portfolio, java.time.Instant createdAt, String createdBy,
            List<String> totals) {
    }

    /** The firm's summaries for a consultation (or for none in particular), newest first, for the picker. */
    List<Choice> ofFirm(long consultationId, String firm);

    /** One summary as the picker offers it, if it belongs to {@code firm}. */
    Optional<Choice> choice(long summaryId, String firm);

    /** A chart of the summary (SVG with its text alternative), if this implementation draws one. */
    default Optional<SvgCharts.Chart> chart(long summaryId, String firm) {
        return Optional.empty();
    }
}
