package org.marginconsult.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The immutable outcome of an impact run: today's siloed margin, each proposal's margin, the
 * difference and why. Stored as JSON on the run (the shape of {@code result} in the API) and never
 * changed afterwards. Amounts are USD with two decimals; changes are proposal minus today.
 *
 * <p>Position-level detail (the worst scenarios' top contributors) lives here, in the firm's private
 * result, and never in an {@link ImpactSummary}.
 */
public record ImpactResult(
        Provenance provenance,
        PortfolioFacts portfolio,
        Requirement today,
        List<ProposalImpact> proposals,
        List<GroupProfile> profiles,
        Sensitivity sensitivity,
        List<String> warnings) {

    /** What the result was computed from, enough to reproduce it. */
    public record Provenance(String inputHash, String engineVersion, String referenceData, LocalDate asOf,
            double riskFreeRate, long portfolioId, String portfolioLabel, int portfolioVersion,
            String securitiesRegime, List<VersionRef> methodologies, List<VersionRef> proposals,
            List<VersionRef> collateralSchedules) {
    }

    /** An identified, versioned input: a methodology, a proposal's parameter document, a schedule. */
    public record VersionRef(String id, String version, String title) {
    }

    /** Aggregate facts about the portfolio (no positions). */
    public record PortfolioFacts(int positions, Map<String, Exposure> byAccount, Map<String, Exposure> byInstrumentType,
            Map<String, Exposure> byRiskGroup) {
    }

    /** How many positions and how much gross notional (|quantity x multiplier x price|) fall in a bucket. */
    public record Exposure(int positions, BigDecimal grossNotional) {
    }

    /** Today's siloed requirement: securities account under the chosen regime plus futures under SPAN. */
    public record Requirement(BigDecimal total, Map<String, BigDecimal> byAccount, Map<String, BigDecimal> byRiskGroup,
            List<Line> lines, CollateralFigures collateral, List<GroupWorst> worstScenarios) {
    }

    /** One proposal's requirement and its change against today. */
    public record ProposalImpact(String id, String title, String version, String inputHash, BigDecimal total,
            BigDecimal change, BigDecimal changePercent, Map<String, BigDecimal> byAccount,
            Map<String, BigDecimal> byRiskGroup, List<Line> offsets, List<Line> addOns, Attribution attribution,
            CollateralFigures collateral, List<GroupWorst> worstScenarios) {
    }

    /** A line of a methodology's breakdown (amount in USD, negative for offsets and credits). */
    public record Line(String group, String account, String kind, String description, BigDecimal amount) {
    }

    /** Where the change from today comes from: a different grid, offsets and credits, add-ons, the floor. */
    public record Attribution(BigDecimal siloedTotal, BigDecimal gridChange, BigDecimal offsetChange,
            BigDecimal addOnChange, BigDecimal floorChange, BigDecimal proposalTotal) {
    }

    /**
     * Posted collateral: market value, value after haircuts, and the liquidity released compared with
     * today (proposal value minus today's value; zero for today itself).
     */
    public record CollateralFigures(BigDecimal marketValue, BigDecimal collateralValue, BigDecimal haircut,
            BigDecimal releasedVersusToday) {
    }

    /** The worst scenario of a group and the positions that drive it, largest loss first. */
    public record GroupWorst(String group, String riskGroup, String account, String scenario, double priceMove,
            double yieldShiftBp, BigDecimal loss, int positions, List<Contribution> contributors) {
    }

    /** A position's profit (positive) or loss (negative) in its group's worst scenario. */
    public record Contribution(String positionId, String instrumentType, String symbol, String underlying,
            BigDecimal pnl) {
    }

    /** A risk group's P&amp;L across the scenarios of a proposal's grid, securities and futures side. */
    public record GroupProfile(String proposal, String group, String driver, List<ProfilePoint> points) {
    }

    /** One scenario of a profile. */
    public record ProfilePoint(String scenario, double move, BigDecimal securities, BigDecimal futures,
            BigDecimal combined) {
    }

    /** The total requirement of one proposal as its offset factor goes from 0% to 100%. */
    public record Sensitivity(String proposal, List<SensitivityPoint> points) {
    }

    /** The total at one offset factor (0 to 1). */
    public record SensitivityPoint(BigDecimal offsetFactor, BigDecimal total) {
    }

    /** The proposal with this id, if the run included it. */
    public ProposalImpact proposal(String id) {
        return proposals.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }
}
