package org.marginconsult.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.marginconsult.impact.ImpactResult.Attribution;
import org.marginconsult.impact.ImpactResult.CollateralFigures;
import org.marginconsult.impact.ImpactResult.Exposure;
import org.marginconsult.impact.ImpactResult.Line;
import org.marginconsult.impact.ImpactResult.ProposalImpact;
import org.marginconsult.impact.ImpactResult.VersionRef;
import org.marginconsult.margin.Money;

/**
 * What an impact summary contains, and all it contains: totals and breakdowns by account, instrument
 * type and risk group, each proposal's delta, and provenance. Built only from aggregates of an
 * {@link ImpactResult}; no field here can hold a position, a symbol or a position's P&amp;L, so nothing
 * at position level can leave the firm through it. This is the JSON of {@code content} on
 * {@code impact_summary} and the body of {@code POST /api/v1/impact-runs/{id}/summary}.
 */
public record SummaryContent(
        int format,
        long runId,
        Long consultationId,
        Provenance provenance,
        Exposures exposure,
        Today today,
        List<ProposalDelta> proposals) {

    /** Format version of this JSON shape. */
    public static final int FORMAT = 1;

    /** How the figures can be reproduced: versions and the run's input hash (no portfolio label). */
    public record Provenance(String inputHash, String engineVersion, String referenceData, LocalDate asOf,
            int portfolioVersion, String securitiesRegime, List<VersionRef> methodologies,
            List<VersionRef> proposals, List<VersionRef> collateralSchedules) {
    }

    /** Number of positions and gross notional, in total and by account, instrument type and risk group. */
    public record Exposures(int positionCount, Map<String, Exposure> byAccount, Map<String, Exposure> byInstrumentType,
            Map<String, Exposure> byRiskGroup) {
    }

    /** Today's siloed requirement. */
    public record Today(BigDecimal total, Map<String, BigDecimal> byAccount, Map<String, BigDecimal> byRiskGroup,
            BigDecimal collateralValue) {
    }

    /** A proposal's requirement and its change against today. */
    public record ProposalDelta(String id, String title, String version, BigDecimal total, BigDecimal change,
            BigDecimal changePercent, Map<String, BigDecimal> byAccount, Map<String, BigDecimal> byRiskGroup,
            Map<String, BigDecimal> changeByRiskGroup, BigDecimal offsetsRecognised, BigDecimal addOns,
            Attribution attribution, BigDecimal collateralValue, BigDecimal liquidityReleased) {
    }

    /**
     * The accounts to show: today's, then those only a proposal has (the cross-account part of a
     * cross-margin requirement), so that each proposal's column adds up to its total.
     */
    public List<String> accounts() {
        Set<String> keys = new LinkedHashSet<>(today.byAccount().keySet());
        proposals.forEach(p -> keys.addAll(p.byAccount().keySet()));
        return List.copyOf(keys);
    }

    /** The risk groups to show, in name order: today's and those only a proposal margins. */
    public List<String> riskGroups() {
        Set<String> keys = new TreeSet<>(today.byRiskGroup().keySet());
        proposals.forEach(p -> keys.addAll(p.byRiskGroup().keySet()));
        return List.copyOf(keys);
    }

    /**
     * The summary of a done run.
     *
     * @param runId          the run
     * @param consultationId the consultation the run was for, if any
     * @param result         the run's result
     */
    public static SummaryContent of(long runId, Long consultationId, ImpactResult result) {
        ImpactResult.Provenance p = result.provenance();
        Provenance provenance = new Provenance(p.inputHash(), p.engineVersion(), p.referenceData(), p.asOf(),
                p.portfolioVersion(), p.securitiesRegime(), p.methodologies(), p.proposals(), p.collateralSchedules());
        Exposures exposure = new Exposures(result.portfolio().positions(), result.portfolio().byAccount(),
                result.portfolio().byInstrumentType(), result.portfolio().byRiskGroup());
        ImpactResult.Requirement t = result.today();
        Today today = new Today(t.total(), t.byAccount(), t.byRiskGroup(),
                t.collateral() == null ? null : t.collateral().collateralValue());
        List<ProposalDelta> deltas = result.proposals().stream().map(x -> delta(x, t)).toList();
        return new SummaryContent(FORMAT, runId, consultationId, provenance, exposure, today, deltas);
    }

    private static ProposalDelta delta(ProposalImpact x, ImpactResult.Requirement today) {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        today.byRiskGroup().forEach((g, v) -> change.put(g, x.byRiskGroup().getOrDefault(g, Money.ZERO).subtract(v)));
        x.byRiskGroup().forEach((g, v) -> change.putIfAbsent(g, v));
        CollateralFigures c = x.collateral();
        return new ProposalDelta(x.id(), x.title(), x.version(), x.total(), x.change(), x.changePercent(),
                x.byAccount(), x.byRiskGroup(), change, sum(x.offsets()), sum(x.addOns()), x.attribution(),
                c == null ? null : c.collateralValue(), c == null ? null : c.releasedVersusToday());
    }

    private static BigDecimal sum(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
