package org.marginconsult.margin.methodology.cross;

import java.util.LinkedHashMap;
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
 * once, and scans a risk group once for all proposals that give it the same grid and offset factor
 * (A-full-offset and B-80pct-capped differ only in their floor).
 *
 * @param baseline  today's siloed results
 * @param proposals each proposal's result, by proposal id, in the order asked
 */
public record ImpactStudy(SiloedBaseline baseline, Map<String, MarginResult> proposals) {

    /**
     * Runs the study.
     *
     * @param positions       the portfolio, both accounts
     * @param context         valuation context
     * @param securitiesToday the securities account's methodology today (PORTFOLIO_MARGIN or STRATEGY_BASED)
     * @param futuresToday    the futures account's methodology today (SPAN)
     * @param proposals       the proposals to compare
     * @return the baseline and each proposal's result
     * @throws org.marginconsult.margin.InvalidPortfolioException when a position is invalid
     */
    public static ImpactStudy run(List<Position> positions, ValuationContext context, Methodology securitiesToday,
            Methodology futuresToday, List<CrossMarginProposal> proposals) {
        Objects.requireNonNull(proposals, "proposals");
        CrossMargin.Prepared prepared = CrossMargin.prepare(positions, context);
        SiloedBaseline baseline = SiloedBaseline.of(positions, context, securitiesToday, futuresToday);
        Map<CrossMargin.ScanKey, CrossMargin.GroupScan> scans = new ConcurrentHashMap<>();
        Map<String, MarginResult> results = new LinkedHashMap<>();
        for (CrossMarginProposal p : proposals) {
            results.put(p.id(), new CrossMargin(p, securitiesToday, futuresToday).calculate(prepared, baseline, scans));
        }
        return new ImpactStudy(baseline, java.util.Collections.unmodifiableMap(results));
    }
}
