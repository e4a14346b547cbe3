package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The requirement of each strategy the strategy-based rules recognise, computed exactly from the
 * rule's formula (no rounding: {@link org.marginconsult.margin.Money} rounds once, at the end).
 *
 * <p>Conventions, for every method: amounts are USD; a requirement is stated as the rule states it,
 * so it includes the cost of long options (paid in full, or 75% beyond 9 months) and, for uncovered
 * short options, the option's premium; {@link Strategy#saleProceeds()} holds the proceeds of the short
 * sales that may be applied against it (short option premiums, short stock value), never subtracted.
 * Initial is Regulation T (12 CFR 220.12); maintenance is FINRA Rule 4210(c)-(f); for options the two
 * coincide (Cboe Rule 10.3 states one formula, applied to current values).
 *
 * <p>Worked example (tastytrade): short 1 call, strike 68, premium 1.50, stock at 65:
 * max(1.50 + 20% x 65 - 3, 1.50 + 10% x 65) x 100 = max(11.50, 8.00) x 100 = $1,150, proceeds $150.
 *
 * <p>Immutable and thread-safe.
 */
public final class StrategyRules {

    private static final BigDecimal ONE = BigDecimal.ONE;

    private final StrategyBasedParameters p;
    private final boolean explain;

    /**
     * @param parameters the percentages and thresholds to apply
     */
    public StrategyRules(StrategyBasedParameters parameters) {
        this(parameters, true);
    }

    private StrategyRules(StrategyBasedParameters parameters, boolean explain) {
        this.p = Objects.requireNonNull(parameters, "parameters");
        this.explain = explain;
    }

    /**
     * The same rules, building strategies without their explanation (empty), for the pairing to price
     * the proposals it compares; {@link #explained(Strategy)} adds the text to the ones kept.
     */
    StrategyRules quiet() {
        return explain ? new StrategyRules(p, false) : this;
    }

    /**
     * The strategy with its explanation: itself when it has one, else priced again with the text.
     *
     * @param s a strategy built by these rules (or their {@link #quiet()} twin)
     * @return the same strategy, explained
     */
    public Strategy explained(Strategy s) {
        if (!s.explanation().isEmpty()) {
            return s;
        }
        StrategyRules rules = explain ? this : new StrategyRules(p, true);
        List<StrategyLeg> legs = s.legs();
        StrategyLeg first = legs.get(0);
        return switch (s.kind()) {
            case LONG_STOCK -> rules.longStock(first.leg(), first.quantity());
            case SHORT_STOCK -> rules.shortStock(first.leg(), first.quantity().negate());
            case LONG_OPTION -> rules.longOption(first.leg(), first.quantity().longValueExact());
            case SHORT_OPTION -> rules.shortOption(first.leg(), first.quantity().negate().longValueExact());
            case COVERED_CALL -> rules.coveredCall(first.leg(), legs.get(1).leg(),
                    legs.get(1).quantity().negate().longValueExact());
            case CALL_SPREAD, PUT_SPREAD -> rules.spread(first.leg(), legs.get(1).leg(),
                    first.quantity().negate().longValueExact());
            case SHORT_STRADDLE -> rules.straddle(first.leg(), legs.get(1).leg(),
                    first.quantity().negate().longValueExact());
            default -> rules.complexSpread(s.kind(), legs);
        };
    }

    /** The parameters applied. */
    public StrategyBasedParameters parameters() {
        return p;
    }

    /**
     * Long stock on its own: initial 50% and maintenance 25% of its market value.
     *
     * @param stock  the stock leg
     * @param shares shares held by the strategy, positive
     * @return the strategy
     */
    public Strategy longStock(Leg stock, BigDecimal shares) {
        requireKind(stock, LegKind.STOCK);
        BigDecimal value = stock.price().multiply(shares);
        BigDecimal initial = value.multiply(p.longEquityInitial());
        BigDecimal maintenance = value.multiply(p.longEquityMaintenance());
        String text = !explain ? "" : "long " + plain(shares) + " " + stock.underlying() + " at " + plain(stock.price()) + ": value "
                + money(value) + "; initial " + pct(p.longEquityInitial()) + " = " + money(initial)
                + "; maintenance " + pct(p.longEquityMaintenance()) + " = " + money(maintenance);
        return new Strategy(StrategyKind.LONG_STOCK, List.of(new StrategyLeg(stock, shares)), initial, maintenance,
                BigDecimal.ZERO, text);
    }

    /**
     * Short stock on its own: initial 150% of value (the sale proceeds and 50% more); maintenance the
     * proceeds plus the greater of $5 a share or 30% of value, or below $5 a share the greater of $2.50 a
     * share or 100% of value. The proceeds are the stock's market value.
     *
     * @param stock  the stock leg (short)
     * @param shares shares short in the strategy, positive
     * @return the strategy
     */
    public Strategy shortStock(Leg stock, BigDecimal shares) {
        requireKind(stock, LegKind.STOCK);
        BigDecimal value = stock.price().multiply(shares);
        BigDecimal initial = value.multiply(p.shortEquityInitial());
        BigDecimal perShare;
        BigDecimal fraction;
        if (stock.price().compareTo(p.lowPriceThreshold()) >= 0) {
            perShare = p.shortEquityMaintenancePerShare();
            fraction = p.shortEquityMaintenance();
        } else {
            perShare = p.lowPriceShortPerShare();
            fraction = p.lowPriceShortMaintenance();
        }
        BigDecimal byShare = perShare.multiply(shares);
        BigDecimal byValue = value.multiply(fraction);
        BigDecimal margin = byShare.max(byValue);
        BigDecimal maintenance = value.add(margin);
        String text = !explain ? "" : "short " + plain(shares) + " " + stock.underlying() + " at " + plain(stock.price())
                + ": value " + money(value) + "; initial " + pct(p.shortEquityInitial()) + " = " + money(initial)
                + "; maintenance proceeds " + money(value) + " + max(" + plain(perShare) + "/share = "
                + money(byShare) + ", " + pct(fraction) + " = " + money(byValue) + ") = " + money(maintenance)
                + "; proceeds " + money(value);
        return new Strategy(StrategyKind.SHORT_STOCK, List.of(new StrategyLeg(stock, shares.negate())), initial,
                maintenance, value, text);
    }

    /**
     * Requirement of one long contract on its own: its premium, or 75% of it when it expires more than 9
     * months after the valuation date.
     *
     * @param option a long call or put
     * @return dollars per contract
     */
    public BigDecimal longOptionPerContract(Leg option) {
        BigDecimal premium = option.premiumPerContract();
        return option.longDated() ? premium.multiply(p.longDatedOptionFraction()) : premium;
    }

    /**
     * Long call or put on its own (12 CFR 220.12(f); FINRA Rule 4210(f)(2)).
     *
     * @param option    the leg (long)
     * @param contracts contracts held in the strategy
     * @return the strategy
     */
    public Strategy longOption(Leg option, long contracts) {
        requireOption(option);
        BigDecimal q = BigDecimal.valueOf(contracts);
        BigDecimal amount = longOptionPerContract(option).multiply(q);
        String text = !explain ? "" : "long " + contracts + " " + option.label() + " at " + plain(option.price()) + ": "
                + (option.longDated()
                        ? pct(p.longDatedOptionFraction()) + " of value (expires after " + p.longDatedOptionMonths()
                                + " months)"
                        : "paid in full (expires within " + p.longDatedOptionMonths() + " months)")
                + " = " + money(amount);
        return new Strategy(StrategyKind.LONG_OPTION, List.of(StrategyLeg.contracts(option, contracts)), amount,
                amount, BigDecimal.ZERO, text);
    }

    /**
     * The uncovered requirement of one short contract: max(P + f x U - OTM, P + 10% x X) x multiplier, with
     * P the premium, U the underlying price, f = 20% (15% for a broad-based index), OTM the out-of-the-money
     * amount and X the underlying price for a call or the strike for a put.
     *
     * @param option a call or put
     * @return dollars per contract
     */
    public BigDecimal uncoveredPerContract(Leg option) {
        requireOption(option);
        BigDecimal f = option.broadIndex() ? p.nakedBroadIndexFraction() : p.nakedUnderlyingFraction();
        BigDecimal base = option.price().add(f.multiply(option.underlyingPrice())).subtract(option.outOfTheMoney());
        BigDecimal x = option.isCall() ? option.underlyingPrice() : option.strike();
        BigDecimal floor = option.price().add(p.nakedMinimumFraction().multiply(x));
        return base.max(floor).multiply(option.multiplier());
    }

    /**
     * Short call or put uncovered (Cboe Rule 10.3; FINRA Rule 4210(f)(2)).
     *
     * @param option    the leg (short)
     * @param contracts contracts in the strategy
     * @return the strategy
     */
    public Strategy shortOption(Leg option, long contracts) {
        requireOption(option);
        BigDecimal q = BigDecimal.valueOf(contracts);
        BigDecimal f = option.broadIndex() ? p.nakedBroadIndexFraction() : p.nakedUnderlyingFraction();
        BigDecimal base = option.price().add(f.multiply(option.underlyingPrice())).subtract(option.outOfTheMoney());
        BigDecimal x = option.isCall() ? option.underlyingPrice() : option.strike();
        BigDecimal floor = option.price().add(p.nakedMinimumFraction().multiply(x));
        BigDecimal amount = base.max(floor).multiply(option.multiplier()).multiply(q);
        BigDecimal proceeds = option.premiumPerContract().multiply(q);
        String text = !explain ? "" : "short " + contracts + " " + option.label() + " uncovered at " + plain(option.price())
                + ", underlying " + plain(option.underlyingPrice()) + ": max(" + plain(option.price()) + " + "
                + pct(f) + " x " + plain(option.underlyingPrice()) + " - OTM " + plain(option.outOfTheMoney())
                + ", " + plain(option.price()) + " + " + pct(p.nakedMinimumFraction()) + " x " + plain(x) + ") x "
                + plain(option.multiplier()) + " x " + contracts + " = " + money(amount) + "; proceeds "
                + money(proceeds);
        return new Strategy(StrategyKind.SHORT_OPTION, List.of(StrategyLeg.contracts(option, contracts)), amount,
                amount, proceeds, text);
    }

    /**
     * Short call covered by the stock (multiplier shares a contract): no requirement on the call, and the
     * stock counts at no more than the strike, so the loan value is the long-equity loan fraction of
     * min(stock price, strike). Requirement = stock value - (1 - 50%) x min(S, K) x shares initially, the
     * same with 25% for maintenance; an out-of-the-money call leaves the stock's own requirement unchanged.
     *
     * @param stock     the long stock leg
     * @param call      the short call leg
     * @param contracts contracts covered
     * @return the strategy
     */
    public Strategy coveredCall(Leg stock, Leg call, long contracts) {
        requireKind(stock, LegKind.STOCK);
        requireKind(call, LegKind.CALL);
        if (!stock.underlying().equals(call.underlying()) || stock.isShort() || !call.isShort()) {
            throw new IllegalArgumentException("a covered call is long stock and a short call on it");
        }
        BigDecimal q = BigDecimal.valueOf(contracts);
        BigDecimal shares = call.multiplier().multiply(q);
        BigDecimal value = stock.price().multiply(shares);
        BigDecimal counted = stock.price().min(call.strike()).multiply(shares);
        BigDecimal initial = value.subtract(ONE.subtract(p.longEquityInitial()).multiply(counted));
        BigDecimal maintenance = value.subtract(ONE.subtract(p.longEquityMaintenance()).multiply(counted));
        BigDecimal proceeds = call.premiumPerContract().multiply(q);
        String text = !explain ? "" : "long " + plain(shares) + " " + stock.underlying() + " at " + plain(stock.price()) + " covering "
                + contracts + " short " + call.label() + " at " + plain(call.price())
                + ": nothing on the call; stock counted at min(" + plain(stock.price()) + ", "
                + plain(call.strike()) + "); initial " + money(value) + " - " + pct(ONE.subtract(p.longEquityInitial()))
                + " x " + money(counted) + " = " + money(initial) + "; maintenance " + money(value) + " - "
                + pct(ONE.subtract(p.longEquityMaintenance())) + " x " + money(counted) + " = " + money(maintenance)
                + "; proceeds " + money(proceeds);
        return new Strategy(StrategyKind.COVERED_CALL,
                List.of(new StrategyLeg(stock, shares), StrategyLeg.contracts(call, contracts)), initial, maintenance,
                proceeds, text);
    }

    /**
     * The maximum loss of a vertical, calendar or diagonal spread per contract, by strikes: for calls the
     * amount by which the long strike exceeds the short strike, for puts the amount by which the short
     * strike exceeds the long strike, nil otherwise, times the multiplier.
     *
     * @param shortLeg the short option
     * @param longLeg  the long option of the same type
     * @return dollars per contract
     */
    public static BigDecimal spreadRiskPerContract(Leg shortLeg, Leg longLeg) {
        BigDecimal width = shortLeg.isCall() ? longLeg.strike().subtract(shortLeg.strike())
                : shortLeg.strike().subtract(longLeg.strike());
        return width.max(BigDecimal.ZERO).multiply(shortLeg.multiplier());
    }

    /**
     * Short option paired with a long option of the same type, underlying and multiplier expiring at or
     * after it (vertical, calendar or diagonal spread): the long is paid in full and the short needs the
     * spread's maximum loss by strikes (nil for a debit spread, so the net debit is what is paid).
     *
     * @param shortLeg  the short option
     * @param longLeg   the long option
     * @param contracts spreads
     * @return the strategy
     */
    public Strategy spread(Leg shortLeg, Leg longLeg, long contracts) {
        requireSpread(shortLeg, longLeg);
        BigDecimal q = BigDecimal.valueOf(contracts);
        BigDecimal risk = spreadRiskPerContract(shortLeg, longLeg).multiply(q);
        BigDecimal longCost = longLeg.premiumPerContract().multiply(q);
        BigDecimal amount = risk.add(longCost);
        BigDecimal proceeds = shortLeg.premiumPerContract().multiply(q);
        boolean credit = risk.signum() > 0;
        String text = !explain ? "" : (credit ? "credit " : "debit ") + (shortLeg.isCall() ? "call" : "put") + " spread, " + contracts
                + " x (short " + shortLeg.label() + " at " + plain(shortLeg.price()) + " / long " + longLeg.label()
                + " at " + plain(longLeg.price()) + "): maximum loss by strikes " + money(risk) + " + long paid in full "
                + money(longCost) + " = " + money(amount) + "; proceeds " + money(proceeds);
        StrategyKind kind = shortLeg.isCall() ? StrategyKind.CALL_SPREAD : StrategyKind.PUT_SPREAD;
        return new Strategy(kind, List.of(StrategyLeg.contracts(shortLeg, contracts),
                StrategyLeg.contracts(longLeg, contracts)), amount, amount, proceeds, text);
    }

    /**
     * Short call and short put on the same underlying and multiplier (straddle or strangle): the larger
     * of the two uncovered requirements plus the premium of the other leg.
     *
     * @param call      the short call
     * @param put       the short put
     * @param contracts pairs
     * @return the strategy
     */
    public Strategy straddle(Leg call, Leg put, long contracts) {
        requireKind(call, LegKind.CALL);
        requireKind(put, LegKind.PUT);
        if (!call.underlying().equals(put.underlying()) || call.multiplier().compareTo(put.multiplier()) != 0
                || !call.isShort() || !put.isShort()) {
            throw new IllegalArgumentException("a straddle is a short call and a short put on the same underlying");
        }
        BigDecimal q = BigDecimal.valueOf(contracts);
        BigDecimal nc = uncoveredPerContract(call);
        BigDecimal np = uncoveredPerContract(put);
        boolean callLarger = nc.compareTo(np) >= 0;
        BigDecimal larger = callLarger ? nc : np;
        BigDecimal otherPremium = (callLarger ? put : call).premiumPerContract();
        BigDecimal amount = larger.add(otherPremium).multiply(q);
        BigDecimal proceeds = call.premiumPerContract().add(put.premiumPerContract()).multiply(q);
        String text = !explain ? "" : "short " + (call.strike().compareTo(put.strike()) == 0 ? "straddle" : "strangle") + ", "
                + contracts + " x (" + call.label() + " at " + plain(call.price()) + " + " + put.label() + " at "
                + plain(put.price()) + "): larger uncovered requirement (" + (callLarger ? "call " : "put ")
                + money(larger) + " a pair) + premium of the " + (callLarger ? "put " : "call ") + money(otherPremium)
                + ", x " + contracts + " = " + money(amount) + "; proceeds " + money(proceeds);
        return new Strategy(StrategyKind.SHORT_STRADDLE,
                List.of(StrategyLeg.contracts(call, contracts), StrategyLeg.contracts(put, contracts)), amount, amount,
                proceeds, text);
    }

    /**
     * The maximum loss at expiry of a set of options on one underlying, over all prices: the payoff is
     * piecewise linear with kinks at the strikes, so its minimum is at zero, at a strike, or at infinity.
     *
     * @param legs option parts, all on one underlying and multiplier
     * @return the largest loss, not negative
     * @throws IllegalArgumentException if the loss is unbounded (more short calls than long calls)
     */
    public static BigDecimal maximumLoss(List<StrategyLeg> legs) {
        BigDecimal netCalls = BigDecimal.ZERO;
        TreeSet<BigDecimal> points = new TreeSet<>();
        points.add(BigDecimal.ZERO);
        for (StrategyLeg l : legs) {
            requireOption(l.leg());
            points.add(l.leg().strike());
            if (l.leg().isCall()) {
                netCalls = netCalls.add(l.quantity());
            }
        }
        if (netCalls.signum() < 0) {
            throw new IllegalArgumentException("more short calls than long calls: the loss is unbounded");
        }
        BigDecimal worst = BigDecimal.ZERO;
        for (BigDecimal s : points) {
            BigDecimal payoff = BigDecimal.ZERO;
            for (StrategyLeg l : legs) {
                payoff = payoff.add(l.leg().intrinsicPerContract(s).multiply(l.quantity()));
            }
            worst = worst.max(payoff.negate());
        }
        return worst;
    }

    /**
     * A butterfly, condor, iron butterfly, iron condor or box on one underlying, expiry and multiplier:
     * the maximum loss over all strikes plus the long options paid in full.
     *
     * @param kind the complex spread
     * @param legs its parts (signed contracts)
     * @return the strategy
     */
    public Strategy complexSpread(StrategyKind kind, List<StrategyLeg> legs) {
        BigDecimal loss = maximumLoss(legs);
        BigDecimal longCost = BigDecimal.ZERO;
        BigDecimal proceeds = BigDecimal.ZERO;
        StringBuilder parts = new StringBuilder();
        for (StrategyLeg l : legs) {
            BigDecimal premium = l.leg().premiumPerContract().multiply(l.quantity().abs());
            if (l.quantity().signum() > 0) {
                longCost = longCost.add(premium);
            } else {
                proceeds = proceeds.add(premium);
            }
            if (!explain) {
                continue;
            }
            if (parts.length() > 0) {
                parts.append(", ");
            }
            parts.append(l.quantity().signum() > 0 ? "long " : "short ").append(plain(l.quantity().abs())).append(' ')
                    .append(l.leg().label()).append(" at ").append(plain(l.leg().price()));
        }
        BigDecimal amount = loss.add(longCost);
        String text = !explain ? "" : kind.label() + " (" + parts + "): maximum loss over all strikes " + money(loss)
                + " + longs paid in full " + money(longCost) + " = " + money(amount) + "; proceeds " + money(proceeds);
        return new Strategy(kind, legs, amount, amount, proceeds, text);
    }

    private static void requireSpread(Leg shortLeg, Leg longLeg) {
        requireOption(shortLeg);
        requireOption(longLeg);
        if (shortLeg.kind() != longLeg.kind() || !shortLeg.underlying().equals(longLeg.underlying())
                || shortLeg.multiplier().compareTo(longLeg.multiplier()) != 0 || !shortLeg.isShort()
                || longLeg.isShort() || longLeg.expiry().isBefore(shortLeg.expiry())) {
            throw new IllegalArgumentException("a spread is a short and a long option of the same type, underlying"
                    + " and multiplier, the long expiring at or after the short: " + shortLeg.label() + " / "
                    + longLeg.label());
        }
    }

    private static void requireOption(Leg leg) {
        if (!leg.isOption()) {
            throw new IllegalArgumentException("not an option leg: " + leg.label());
        }
    }

    private static void requireKind(Leg leg, LegKind kind) {
        if (leg.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind + " leg, got " + leg.label());
        }
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** Legs of a strategy in a stable order (by kind, strike, expiry), used to describe combinations. */
    static List<StrategyLeg> sorted(List<StrategyLeg> legs) {
        List<StrategyLeg> copy = new ArrayList<>(legs);
        copy.sort(LegOrder.STRATEGY_LEGS);
        return copy;
    }
}
