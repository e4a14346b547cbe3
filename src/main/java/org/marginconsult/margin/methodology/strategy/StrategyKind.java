package org.marginconsult.margin.methodology.strategy;

/**
 * The strategies the strategy-based rules recognise in a securities account, each with the rule that
 * sets its requirement. A {@link Strategy} is one of these applied to specific legs.
 */
public enum StrategyKind {
    /** Long stock or ETF: 50% initial, 25% maintenance. */
    LONG_STOCK("long stock", "12 CFR 220.12(a); FINRA Rule 4210(c)(1)"),
    /** Short stock or ETF: 150% initial with proceeds; maintenance $5/30% or $2.50/100% under $5. */
    SHORT_STOCK("short stock", "12 CFR 220.12(c)(1); FINRA Rule 4210(c)"),
    /** Long call or put on its own: paid in full, 75% of value beyond 9 months. */
    LONG_OPTION("long option", "12 CFR 220.12(f); FINRA Rule 4210(f)(2)"),
    /** Short uncovered call or put: premium + 20% (15% broad index) of underlying - OTM, floor premium + 10%. */
    SHORT_OPTION("uncovered short option", "Cboe Rule 10.3; FINRA Rule 4210(f)(2)"),
    /** Short call covered by 100 shares a contract: nothing on the call, stock valued at no more than the strike. */
    COVERED_CALL("covered call", "12 CFR 220 (stock valued at no more than the exercise price); FINRA Rule 4210(f)(2); Cboe Rule 10.3"),
    /** Short call paired with a long call expiring at or after it: the spread's maximum loss, long paid in full. */
    CALL_SPREAD("call spread", "Cboe Rule 10.3; FINRA Rule 4210(f)(2)"),
    /** Short put paired with a long put expiring at or after it: the spread's maximum loss, long paid in full. */
    PUT_SPREAD("put spread", "Cboe Rule 10.3; FINRA Rule 4210(f)(2)"),
    /** Short call and short put: the larger uncovered requirement plus the other leg's premium. */
    SHORT_STRADDLE("short straddle/strangle", "Cboe Rule 10.3; FINRA Rule 4210(f)(2)"),
    /** Long call or put butterfly (1:-2:1, equal intervals): maximum loss over all strikes, nil. */
    LONG_BUTTERFLY("long butterfly", "FINRA Rule 4210(f)(2), Regulatory Notice 12-44; Cboe Rule 10.3 (SR-CBOE-2012-043)"),
    /** Long call or put condor (equal wing intervals): maximum loss over all strikes, nil. */
    LONG_CONDOR("long condor", "FINRA Rule 4210(f)(2), Regulatory Notice 12-44; Cboe Rule 10.3 (SR-CBOE-2012-043)"),
    /** Short put spread and short call spread sharing the short strike: maximum loss over all strikes. */
    SHORT_IRON_BUTTERFLY("short iron butterfly", "FINRA Rule 4210(f)(2), Regulatory Notice 12-44; Cboe Rule 10.3 (SR-CBOE-2012-043)"),
    /** Short put spread below a short call spread, equal intervals: maximum loss over all strikes. */
    SHORT_IRON_CONDOR("short iron condor", "FINRA Rule 4210(f)(2), Regulatory Notice 12-44; Cboe Rule 10.3 (SR-CBOE-2012-043)"),
    /** Short call spread and short put spread on the same two strikes: maximum loss over all strikes. */
    SHORT_BOX("short box spread", "FINRA Rule 4210(f)(2), Regulatory Notice 12-44; Cboe Rule 10.3 (SR-CBOE-2012-043)");

    private final String label;
    private final String rule;

    StrategyKind(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    /** The strategy's name in words. */
    public String label() {
        return label;
    }

    /** The rule that sets its requirement. */
    public String rule() {
        return rule;
    }
}
