package org.marginconsult.margin.methodology.cross;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Money;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.ValuationContext;

/**
 * Today's requirement of a portfolio: its securities positions under the securities account's
 * methodology (portfolio margin or strategy-based) and its futures positions under SPAN, each account on
 * its own. Computed once and shared by every proposal compared against it.
 *
 * @param securities the securities account's result, or null when it holds nothing
 * @param futures    the futures account's result, or null when it holds nothing
 */
public record SiloedBaseline(MarginResult securities, MarginResult futures) {

    /**
     * Margins each account under its own methodology.
     *
     * @param positions  the portfolio (both accounts)
     * @param context    valuation context
     * @param securities methodology of the securities account (PORTFOLIO_MARGIN or STRATEGY_BASED)
     * @param futures    methodology of the futures account (SPAN)
     * @return the baseline
     */
    public static SiloedBaseline of(List<Position> positions, ValuationContext context, Methodology securities,
            Methodology futures) {
        Objects.requireNonNull(securities, "securities methodology");
        Objects.requireNonNull(futures, "futures methodology");
        List<Position> sec = new ArrayList<>();
        List<Position> fut = new ArrayList<>();
        List<Integer> secIndex = new ArrayList<>();
        List<Integer> futIndex = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p.account() == Account.FUTURES) {
                fut.add(p);
                futIndex.add(i);
            } else {
                sec.add(p);
                secIndex.add(i);
            }
        }
        return new SiloedBaseline(account(securities, sec, secIndex, context), account(futures, fut, futIndex, context));
    }

    /** Margins one account; errors name positions by their index in the whole portfolio. */
    private static MarginResult account(Methodology methodology, List<Position> positions, List<Integer> indices,
            ValuationContext context) {
        if (positions.isEmpty()) {
            return null;
        }
        try {
            return methodology.calculate(positions, context);
        } catch (InvalidPortfolioException e) {
            throw new InvalidPortfolioException(e.errors().stream()
                    .map(x -> new FieldError(x.positionIndex() >= 0 && x.positionIndex() < indices.size()
                            ? indices.get(x.positionIndex()) : x.positionIndex(), x.field(), x.message()))
                    .toList());
        }
    }

    /** The siloed total: both accounts' requirements added. */
    public BigDecimal total() {
        BigDecimal total = Money.ZERO;
        if (securities != null) {
            total = total.add(securities.total());
        }
        if (futures != null) {
            total = total.add(futures.total());
        }
        return total;
    }

    /** The account results that exist, securities first. */
    public List<MarginResult> results() {
        List<MarginResult> list = new ArrayList<>(2);
        if (securities != null) {
            list.add(securities);
        }
        if (futures != null) {
            list.add(futures);
        }
        return list;
    }

    /** Canonical text of the baseline methodologies and parameters, for input hashes. */
    String canonicalForm() {
        StringBuilder sb = new StringBuilder();
        for (MarginResult r : results()) {
            sb.append(r.methodology()).append('/').append(r.parameterSet()).append('/').append(r.total()).append(';');
        }
        return sb.toString();
    }
}
