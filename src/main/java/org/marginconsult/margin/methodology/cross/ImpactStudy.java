package org.marginconsult.margin.methodology.cross;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;

/**
 * One portfolio's impact study: today's siloed requirement and each proposal's requirement against it,
 * as a commenter attaches it to a comment. Results are the same as calling {@link CrossMargin} once per
 * proposal; the study validates, groups and digests the portfolio once, computes the siloed baseline
 * once, and revalues a risk group once for all proposals that give it the same grid: A-full-offset and
 * B-80pct-capped differ only in their floor, and what-if variants of a proposal that change its offset
 * factor, credits, add-ons or floor (a sensitivity curve) cost almost nothing more than the proposal.
 *
 * @param baseline  today's siloed results
 * @param proposals each proposal's result, in the order of the proposals asked (variants of one proposal
 *                  share its id and differ in version)
 */
public record ImpactStudy(SiloedBaseline baseline, List<MarginResult> proposals) {

    /** Copies the result list. */
    public ImpactStudy {
        proposals = List.copyOf(proposals);
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
        Objects.requireNonNull(proposals, "proposals");
        CrossMargin.Prepared prepared = CrossMargin.prepare(positions, context);
        SiloedBaseline baseline = SiloedBaseline.of(positions, context, securitiesToday, futuresToday);
        Map<CrossMargin.RevaluationKey, CrossMargin.GroupRevaluation> revaluations = new ConcurrentHashMap<>();
        List<MarginResult> results = new ArrayList<>(proposals.size());
        for (CrossMarginProposal p : proposals) {
            results.add(new CrossMargin(p, securitiesToday, futuresToday).calculate(prepared, baseline, revaluations));
        }
        return new ImpactStudy(baseline, results);
    }
}
