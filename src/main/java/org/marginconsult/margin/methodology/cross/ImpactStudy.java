package org.marginconsult.margin.methodology.cross;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.scenario.ScenarioGrid;

/**
 * One portfolio's impact study: today's siloed requirement and each proposal's requirement against it,
 * as a commenter attaches it to a comment. Results are the same as calling {@link CrossMargin} once per
 * proposal; the study validates, groups and digests the portfolio once, computes the siloed baseline
 * once, and revalues a risk group once for all proposals that give it the same grid: A-full-offset and
 * B-80pct-capped differ only in their floor, and what-if variants of a proposal that change its offset
 * factor, credits, add-ons or floor (a sensitivity curve) cost almost nothing more than the proposal.
 *
 * <p>After the run the study keeps each risk group's scenario P&amp;L (per account, on each grid used),
 * so that charts ({@link #groupPnl(String)}) and the sensitivity of the total to a proposal's offset
 * factor ({@link #offsetSensitivity(String, double...)}) come from the same revaluation as the results,
 * without revaluing a position again. The rule they follow is the proposal's, step for step
 * (docs/methodology/cross-margin.md): a sensitivity point is exactly the total {@link CrossMargin} gives
 * the proposal with that offset factor for every group.
 */
public final class ImpactStudy {

    private final SiloedBaseline baseline;
    private final List<MarginResult> proposals;
    private final List<CrossMarginProposal> asked;
    private final Methodology securitiesToday;
    private final Methodology futuresToday;
    private final CrossMargin.Prepared prepared;
    private final Map<CrossMargin.RevaluationKey, CrossMargin.GroupRevaluation> revaluations;

    private ImpactStudy(SiloedBaseline baseline, List<MarginResult> proposals, List<CrossMarginProposal> asked,
            Methodology securitiesToday, Methodology futuresToday, CrossMargin.Prepared prepared,
            Map<CrossMargin.RevaluationKey, CrossMargin.GroupRevaluation> revaluations) {
        this.baseline = baseline;
        this.proposals = List.copyOf(proposals);
        this.asked = List.copyOf(asked);
        this.securitiesToday = securitiesToday;
        this.futuresToday = futuresToday;
        this.prepared = prepared;
        this.revaluations = revaluations;
    }

    /** Today's siloed results. */
    public SiloedBaseline baseline() {
        return baseline;
    }

    /**
     * Each proposal's result, in the order of the proposals asked (variants of one proposal share its id and
     * differ in version).
     */
    public List<MarginResult> proposals() {
        return proposals;
    }

    /**
     * The result of a published proposal (not a variant).
     *
     * @param proposalId the proposal's id
     * @return its result
     * @throws IllegalArgumentException if the study did not include it
     */
    public MarginResult proposal(String proposalId) {
        return proposals.stream().filter(r -> r.parameterSet().id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the study has no proposal " + proposalId));
    }

    /**
     * The SHA-256 of the portfolio's canonical form ({@link org.marginconsult.margin.InputHash#positionsDigest}),
     * computed once by the study, for callers that hash the study's inputs with
     * {@link org.marginconsult.margin.InputHash#of(byte[], org.marginconsult.margin.VersionedId,
     * org.marginconsult.margin.ParameterSet, ValuationContext)}.
     *
     * @return a copy of the digest
     */
    public byte[] positionsDigest() {
        return prepared.positionsDigest().clone();
    }

    /**
     * Runs the study.
     *
     * @param positions       the portfolio, both accounts
     * @param context         valuation context
     * @param securitiesToday the securities account's methodology today (PORTFOLIO_MARGIN or STRATEGY_BASED)
     * @param futuresToday    the futures account's methodology today (SPAN)
     * @param proposals       the proposals to compare
     * @return the baseline and each proposal's result, in order
     * @throws org.marginconsult.margin.InvalidPortfolioException when a position is invalid
     */
    public static ImpactStudy run(List<Position> positions, ValuationContext context, Methodology securitiesToday,
            Methodology futuresToday, List<CrossMarginProposal> proposals) {
        return run(positions, context, securitiesToday, futuresToday, proposals, (done, steps, next) -> {
        });
    }

    /**
     * Runs the study, telling {@code progress} before each step: validating and grouping the portfolio,
     * today's siloed margin, then each proposal. An exception thrown by {@code progress} stops the study and
     * is passed on (a caller that lost its claim on the work stops it this way).
     *
     * @param positions       the portfolio, both accounts
     * @param context         valuation context
     * @param securitiesToday the securities account's methodology today (PORTFOLIO_MARGIN or STRATEGY_BASED)
     * @param futuresToday    the futures account's methodology today (SPAN)
     * @param proposals       the proposals to compare
     * @param progress        told before each step
     * @return the baseline and each proposal's result, in order
     * @throws org.marginconsult.margin.InvalidPortfolioException when a position is invalid
     */
    public static ImpactStudy run(List<Position> positions, ValuationContext context, Methodology securitiesToday,
            Methodology futuresToday, List<CrossMarginProposal> proposals, Progress progress) {
        Objects.requireNonNull(proposals, "proposals");
        Objects.requireNonNull(progress, "progress");
        int steps = 2 + proposals.size();
        progress.step(0, steps, "validating and grouping the portfolio");
        // Today's margin does not depend on the grouping: computed alongside it, so that both cores work
        // (most of either step runs on one thread). It gets a thread of its own rather than the common
        // pool's: with two processors that pool has one worker, and a methodology that pairs underlyings in
        // parallel (STRATEGY_BASED) run on it would find no second thread to share the work with, while a
        // thread outside the pool shares it with that worker once the grouping is done. Errors come as they
        // would one after the other: the whole portfolio's validation first.
        CompletableFuture<SiloedBaseline> today = CompletableFuture.supplyAsync(
                () -> SiloedBaseline.of(positions, context, securitiesToday, futuresToday),
                task -> Thread.ofPlatform().name("impact-study-today").daemon().start(task));
        CrossMargin.Prepared prepared = CrossMargin.prepare(positions, context);
        progress.step(1, steps, "today's siloed margin");
        SiloedBaseline baseline;
        try {
            baseline = today.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        Map<CrossMargin.RevaluationKey, CrossMargin.GroupRevaluation> revaluations = new ConcurrentHashMap<>();
        List<MarginResult> results = new ArrayList<>(proposals.size());
        for (CrossMarginProposal p : proposals) {
            progress.step(2 + results.size(), steps, "proposal " + p.id());
            results.add(new CrossMargin(p, securitiesToday, futuresToday).calculate(prepared, baseline, revaluations,
                    true));
        }
        return new ImpactStudy(baseline, results, proposals, securitiesToday, futuresToday, prepared, revaluations);
    }

    /** Told as a study moves through its steps. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  steps done so far
         * @param steps steps in all (2 plus one per proposal)
         * @param next  the step about to start, in words
         */
        void step(int done, int steps, String next);
    }

    /**
     * Each risk group's P&amp;L over the grid a proposal gives it, per account, as the proposal's scan saw it
     * (weighted, before offsets): the scenario profile of the group.
     *
     * @param proposalId a proposal of the study
     * @return one entry per risk group in group order; empty for a proposal on {@link GridMode#OWN_GRIDS}
     *         (today's methodologies, no common grid)
     * @throws IllegalArgumentException if the study did not include the proposal
     */
    public List<GroupPnl> groupPnl(String proposalId) {
        CrossMarginParameters params = asked(proposalId).parameters();
        if (params.gridMode() != GridMode.RISK_GROUP_GRIDS) {
            return List.of();
        }
        List<GroupPnl> out = new ArrayList<>(prepared.groups().size());
        for (CrossMargin.GroupInput g : prepared.groups().values()) {
            CrossMargin.GroupRevaluation r = revaluations.get(
                    new CrossMargin.RevaluationKey(g.id(), params.grid(g.id(), g.productClass())));
            out.add(new GroupPnl(g.id(), g.driver(), r.grid(), r.securities(), r.futures()));
        }
        return out;
    }

    /**
     * The proposal's total requirement with its offset factor set to each of {@code factors} for every risk
     * group (group overrides dropped, as {@link CrossMarginParameters#withOffsetFactor(double)}), everything
     * else as proposed: exactly the total {@link CrossMargin} gives that variant, computed from the study's
     * group revaluations (a scan of each group's scenario vectors, then credits, minimums, add-ons, floor).
     *
     * @param proposalId a proposal of the study on {@link GridMode#RISK_GROUP_GRIDS}
     * @param factors    offset factors, each in [0, 1]
     * @return one point per factor, in the order given
     * @throws IllegalArgumentException if the study did not include the proposal, it has no common grid, or
     *                                  a factor is outside [0, 1]
     */
    public List<OffsetPoint> offsetSensitivity(String proposalId, double... factors) {
        CrossMarginProposal p = asked(proposalId);
        if (p.parameters().gridMode() != GridMode.RISK_GROUP_GRIDS) {
            throw new IllegalArgumentException(proposalId + " margins each account on its own grid: it has no "
                    + "offset factor to vary");
        }
        List<OffsetPoint> points = new ArrayList<>(factors.length);
        for (double f : factors) {
            CrossMarginProposal variant = p.withParameters(p.parameters().withOffsetFactor(f), "f" + f);
            MarginResult r = new CrossMargin(variant, securitiesToday, futuresToday).calculate(prepared, baseline,
                    revaluations, false);
            points.add(new OffsetPoint(f, r.total()));
        }
        return points;
    }

    private CrossMarginProposal asked(String proposalId) {
        return asked.stream().filter(p -> p.id().equals(proposalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the study has no proposal " + proposalId));
    }

    /**
     * A risk group's weighted P&amp;L per scenario of one grid, each account's positions netted on their
     * own (the inputs of the group's scan, docs/methodology/cross-margin.md step 2).
     *
     * @param riskGroup  the group's id
     * @param driver     the symbol of the group's driver (the grid moves it)
     * @param grid       the grid
     * @param securities the securities account's P&amp;L per scenario (zeros without securities positions)
     * @param futures    the futures account's P&amp;L per scenario (zeros without futures positions)
     */
    public record GroupPnl(String riskGroup, String driver, ScenarioGrid grid, double[] securities,
            double[] futures) {

        /** Copies the vectors, so the study's own stay unchanged. */
        public GroupPnl {
            securities = securities.clone();
            futures = futures.clone();
        }

        @Override
        public double[] securities() {
            return securities.clone();
        }

        @Override
        public double[] futures() {
            return futures.clone();
        }
    }

    /**
     * A proposal's total at one offset factor.
     *
     * @param offsetFactor f in [0, 1]
     * @param total        the total requirement, USD rounded HALF_UP to the cent
     */
    public record OffsetPoint(double offsetFactor, BigDecimal total) {
    }
}
