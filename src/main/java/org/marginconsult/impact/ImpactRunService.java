package org.marginconsult.impact;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.marginconsult.impact.ImpactSources.ConsultationChoice;
import org.marginconsult.impact.ImpactSources.PortfolioChoice;
import org.marginconsult.security.AuditLog;
import org.marginconsult.security.CurrentUser;

/**
 * Impact runs for the current user's firm: request one, follow it, read its result, make its summary.
 * Every read goes through the firm: another firm's run, or any run for a user without a firm (staff),
 * is not found, so existence is never confirmed.
 */
@ApplicationScoped
public class ImpactRunService {

    /** A run request as the form and the API send it. */
    public record RunRequest(Long consultationId, List<String> proposals, String securitiesRegime) {
    }

    @Inject
    CurrentUser user;

    @Inject
    ImpactSources sources;

    @Inject
    MarginCatalog catalog;

    @Inject
    ImpactConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /**
     * Queues a run of the firm's portfolio.
     *
     * @throws NotFoundException           if the portfolio is not the firm's
     * @throws InvalidRunRequestException  one message per bad field
     * @throws TooManyRunsException        if the firm is at its limit of active runs
     */
    @Transactional
    public ImpactRun submit(long portfolioId, RunRequest request) {
        String firm = user.requireFirm();
        PortfolioChoice portfolio = sources.portfolio(firm, portfolioId).orElseThrow(NotFoundException::new);
        Map<String, String> errors = new LinkedHashMap<>();
        SecuritiesRegime regime = null;
        try {
            regime = SecuritiesRegime.parse(request.securitiesRegime());
        } catch (IllegalArgumentException e) {
            errors.put("securitiesRegime", "Choose today's securities regime: STRATEGY_BASED or PORTFOLIO_MARGIN.");
        }
        List<String> proposals = request.proposals() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(request.proposals().stream()
                        .filter(p -> p != null && !p.isBlank()).map(String::trim).toList()));
        ConsultationChoice consultation = null;
        if (request.consultationId() != null) {
            consultation = sources.consultation(request.consultationId()).orElse(null);
            if (consultation == null) {
                errors.put("consultation", "There is no open consultation " + request.consultationId() + ".");
            } else if (consultation.proposalIds().isEmpty()) {
                errors.put("consultation", "Consultation " + consultation.id()
                        + " consults on no cross-margin proposal: choose another consultation, or none.");
                consultation = null;
            }
        }
        if (proposals.isEmpty()) {
            errors.put("proposals", "Choose at least one proposal.");
        } else {
            // Every proposal at fault is named at once, so one correction is enough.
            List<String> unknown = new ArrayList<>();
            List<String> notConsulted = new ArrayList<>();
            for (String p : proposals) {
                if (catalog.proposal(p).isEmpty()) {
                    unknown.add(p);
                } else if (consultation != null && !consultation.proposalIds().contains(p)) {
                    notConsulted.add(p);
                }
            }
            List<String> problems = new ArrayList<>();
            if (!unknown.isEmpty()) {
                problems.add("Unknown proposal" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                        + "; known: " + String.join(", ", catalog.proposals().keySet()) + ".");
            }
            if (!notConsulted.isEmpty()) {
                problems.add("Consultation " + consultation.id() + " does not consult on " + String.join(", ", notConsulted)
                        + "; it consults on " + String.join(", ", consultation.proposalIds()) + ".");
            }
            if (!problems.isEmpty()) {
                errors.put("proposals", String.join(" ", problems));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRunRequestException(errors);
        }
        // One firm's submissions are serialised so that two at once cannot both slip under the limit.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "impact-run:" + firm)
                .getSingleResult();
        long active = ImpactRun.count("firm = ?1 and status in ?2", firm, List.of(RunStatus.QUEUED, RunStatus.RUNNING));
        if (active >= config.maxActiveRunsPerFirm()) {
            throw new TooManyRunsException((int) active, config.maxActiveRunsPerFirm());
        }
        ImpactRun run = new ImpactRun();
        run.firm = firm;
        run.portfolioId = portfolio.id();
        run.portfolioLabel = portfolio.label();
        run.portfolioVersion = portfolio.version();
        run.consultationId = consultation == null ? null : consultation.id();
        run.proposals = String.join(",", proposals);
        run.securitiesRegime = regime;
        run.status = RunStatus.QUEUED;
        run.stage = "queued";
        run.requestedBy = user.username();
        run.requestedAt = clock.instant();
        run.persist();
        audit.record("impact-run.requested", RunQueue.ENTITY, run.id, null, RunQueue.state(run),
                "portfolio " + portfolio.id() + " v" + portfolio.version() + ", " + run.proposals + ", " + regime);
        return run;
    }

    /** The firm's run, or 404. */
    public ImpactRun find(long runId) {
        Optional<String> firm = user.firm();
        ImpactRun run = ImpactRun.findById(runId);
        if (run == null || firm.isEmpty() || !run.firm.equals(firm.get())) {
            throw new NotFoundException();
        }
        return run;
    }

    /** The firm's runs, newest first. */
    public List<ImpactRun> list() {
        return ImpactRun.list("firm = ?1 order by requestedAt desc, id desc", user.requireFirm());
    }

    /** The result of a done run of the firm, or empty while it is not done. */
    public Optional<ImpactResult> result(ImpactRun run) {
        return run.status == RunStatus.DONE ? Optional.of(ImpactJson.read(run.result, ImpactResult.class))
                : Optional.empty();
    }

    public List<PortfolioChoice> portfolios() {
        return sources.portfolios(user.requireFirm());
    }

    public List<ConsultationChoice> consultations() {
        return sources.consultations();
    }
}
