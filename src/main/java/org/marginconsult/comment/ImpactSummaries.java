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

    /** The firm's summaries on a consultation, newest first, for the picker on the draft page. */
    List<Table> ofFirm(long consultationId, String firm);

    /** A chart of the summary (SVG with its text alternative), if this implementation draws one. */
    default Optional<SvgCharts.Chart> chart(long summaryId, String firm) {
        return Optional.empty();
    }
}
