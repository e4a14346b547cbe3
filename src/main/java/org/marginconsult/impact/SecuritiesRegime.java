package org.marginconsult.impact;

import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.strategy.StrategyBased;

/**
 * How the participant's securities account is margined today: the baseline an impact run compares
 * the proposals against. The futures account is always margined under SPAN.
 */
public enum SecuritiesRegime {
    /** Reg T / FINRA Rule 4210 strategy-based margin. */
    STRATEGY_BASED,
    /** FINRA Rule 4210(g) portfolio margin (TIMS-like risk-based haircuts). */
    PORTFOLIO_MARGIN;

    /** Today's methodology of the securities account under this regime, with its shipped defaults. */
    public Methodology methodology() {
        return switch (this) {
            case STRATEGY_BASED -> StrategyBased.withDefaults();
            case PORTFOLIO_MARGIN -> PortfolioMargin.withDefaults();
        };
    }

    /**
     * Parses a regime name as sent by a form or the API.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SecuritiesRegime parse(String value) {
        if (value != null) {
            for (SecuritiesRegime r : values()) {
                if (r.name().equalsIgnoreCase(value.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("securitiesRegime must be STRATEGY_BASED or PORTFOLIO_MARGIN, not " + value);
    }
}
