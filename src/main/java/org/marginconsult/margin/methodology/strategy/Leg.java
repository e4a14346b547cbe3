package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One netted holding of a securities account on one underlying, as the strategy-based rules
 * (Regulation T, FINRA Rule 4210(c)-(f), Cboe Rule 10.3) see it: the stock (or ETF), or one option
 * series. Positions of the same series are added up into one leg, so a long and a short of the same
 * series offset each other before any pairing.
 *
 * <p>Immutable. Amounts are USD; {@code quantity} is signed (negative = short): shares for stock,
 * whole contracts for options. Example: short 2 AAPL 2026-12-18 150 calls at 3.20 with AAPL at 145 is
 * {@code Leg(CALL, "AAPL", 150, 2026-12-18, 100, 3.20, 145, -2, false, false, [ids])}.
 *
 * @param kind            stock, call or put
 * @param underlying      the underlying symbol
 * @param strike          options: exercise price; null for stock
 * @param expiry          options: expiry date; null for stock
 * @param multiplier      options: shares (or index dollars) per point; 1 for stock
 * @param price           mark per share or per option (premium per unit of the multiplier)
 * @param underlyingPrice options: the underlying's price; stock: its own price
 * @param quantity        signed shares or contracts
 * @param longDated       options: expires more than the long-dated threshold (9 months) after the valuation date
 * @param broadIndex      options: the underlying is a broad-based index (15% instead of 20% when uncovered)
 * @param positionIds     the positions netted into this leg, sorted
 */
public record Leg(LegKind kind, String underlying, BigDecimal strike, LocalDate expiry, BigDecimal multiplier,
        BigDecimal price, BigDecimal underlyingPrice, BigDecimal quantity, boolean longDated, boolean broadIndex,
        List<String> positionIds) {

    /** Checks the fields an option or a stock leg needs. */
    public Leg {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(underlyingPrice, "underlyingPrice");
        Objects.requireNonNull(quantity, "quantity");
        positionIds = List.copyOf(positionIds);
        if (kind != LegKind.STOCK) {
            Objects.requireNonNull(strike, "strike");
            Objects.requireNonNull(expiry, "expiry");
            if (quantity.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("options are held in whole contracts: " + quantity);
            }
        }
    }

    /** True for a call or put leg. */
    public boolean isOption() {
        return kind != LegKind.STOCK;
    }

    /** True for a call leg. */
    public boolean isCall() {
        return kind == LegKind.CALL;
    }

    /** True for a put leg. */
    public boolean isPut() {
        return kind == LegKind.PUT;
    }

    /** True when the quantity is negative. */
    public boolean isShort() {
        return quantity.signum() < 0;
    }

    /** Absolute number of contracts (options only). */
    public long contracts() {
        return quantity.abs().longValueExact();
    }

    /** The same option leg holding {@code contracts} contracts on the same side. */
    Leg withContracts(long contracts) {
        return new Leg(kind, underlying, strike, expiry, multiplier, price, underlyingPrice,
                BigDecimal.valueOf(isShort() ? -contracts : contracts), longDated, broadIndex, positionIds);
    }

    /** Out-of-the-money amount per unit of underlying: call max(K - U, 0), put max(U - K, 0). */
    public BigDecimal outOfTheMoney() {
        BigDecimal diff = isCall() ? strike.subtract(underlyingPrice) : underlyingPrice.subtract(strike);
        return diff.max(BigDecimal.ZERO);
    }

    /** Premium of one contract in dollars: price x multiplier. */
    public BigDecimal premiumPerContract() {
        return price.multiply(multiplier);
    }

    /** Value at expiry of one contract when the underlying ends at {@code s}: intrinsic value x multiplier. */
    BigDecimal intrinsicPerContract(BigDecimal s) {
        BigDecimal v = isCall() ? s.subtract(strike) : strike.subtract(s);
        return v.max(BigDecimal.ZERO).multiply(multiplier);
    }

    /** A short human label, e.g. {@code AAPL 2026-12-18 150 CALL} or {@code AAPL stock}. */
    public String label() {
        if (!isOption()) {
            return underlying + " stock";
        }
        String m = multiplier.compareTo(BigDecimal.valueOf(100)) == 0 ? ""
                : " x" + multiplier.stripTrailingZeros().toPlainString();
        return underlying + " " + expiry + " " + strike.stripTrailingZeros().toPlainString() + " " + kind + m;
    }
}
