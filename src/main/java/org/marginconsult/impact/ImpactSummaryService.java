package org.marginconsult.impact;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.marginconsult.security.AuditLog;
import org.marginconsult.security.CurrentUser;

/**
 * Impact summaries: the aggregate a firm lets leave it. The comment feature attaches them with
 * {@link #summariesOf(String)} and {@link #summaryOf(String, long)} and renders their
 * {@link SummaryContent} with the {@code impactSummary} tag ({@code templates/tags/impactSummary.html}).
 */
@ApplicationScoped
public class ImpactSummaryService {

    /** A stored summary with its content parsed. */
    public record Summary(long id, String firm, long runId, Long consultationId, String createdBy,
            java.time.Instant createdAt, SummaryContent content) {
    }

    @Inject
    ImpactRunService runs;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Exactly what a summary of this run of the current firm would contain (the preview). */
    public SummaryContent preview(long runId) {
        ImpactRun run = runs.find(runId);
        ImpactResult result = runs.result(run).orElseThrow(() -> new WebApplicationException(
                "Run " + runId + " is not done yet: a summary is made from a finished run.", Response.Status.CONFLICT));
        return SummaryContent.of(run.id, run.consultationId, result);
    }

    /**
     * Creates the summary of a done run of the current firm.
     *
     * @throws NotFoundException         if the run is not the firm's
     * @throws WebApplicationException   409 if the run is not done
     */
    @Transactional
    public Summary create(long runId) {
        SummaryContent content = preview(runId);
        ImpactSummary summary = new ImpactSummary();
        summary.firm = user.requireFirm();
        summary.runId = runId;
        summary.consultationId = content.consultationId();
        summary.createdBy = user.username();
        summary.createdAt = clock.instant();
        summary.content = ImpactJson.write(content);
        summary.persist();
        audit.record("impact-summary.created", "impact-summary", summary.id, null, summary.content,
                "from impact run " + runId);
        return view(summary);
    }

    /** The current firm's summary, or 404 (also for users without a firm, such as staff). */
    public Summary find(long summaryId) {
        Optional<String> firm = user.firm();
        if (firm.isEmpty()) {
            throw new NotFoundException();
        }
        return summaryOf(firm.get(), summaryId).orElseThrow(NotFoundException::new);
    }

    /** The current firm's summaries, newest first. */
    public List<Summary> mine() {
        return summariesOf(user.requireFirm());
    }

    /**
     * A firm's summaries, newest first: for the comment feature, which decides who may see them
     * (the firm while drafting, staff once the comment is submitted).
     */
    public List<Summary> summariesOf(String firm) {
        return ImpactSummary.<ImpactSummary>list("firm = ?1 order by createdAt desc, id desc", firm).stream()
                .map(ImpactSummaryService::view).toList();
    }

    /** One summary of a firm, or empty if the firm has no summary with this id. */
    public Optional<Summary> summaryOf(String firm, long summaryId) {
        ImpactSummary s = ImpactSummary.findById(summaryId);
        return s == null || !s.firm.equals(firm) ? Optional.empty() : Optional.of(view(s));
    }

    static Summary view(ImpactSummary s) {
        return new Summary(s.id, s.firm, s.runId, s.consultationId, s.createdBy, s.createdAt,
                ImpactJson.read(s.content, SummaryContent.class));
    }
}
