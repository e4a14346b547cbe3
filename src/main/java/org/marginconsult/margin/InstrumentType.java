package org.marginconsult.margin;

/**
 * The kind of instrument a position holds, as written in the portfolio file's {@code instrument_type}
 * column (docs/portfolio-format.md).
 *
 * <p>Each type has one home {@link Account}: securities-side instruments are margined under
 * Regulation T / FINRA Rule 4210 today, futures-side instruments under the exchange's SPAN parameters.
 * The type also decides which position fields apply (option fields, dv01, expiry).
 */
public enum InstrumentType {
    /** Common stock; quantity in shares. */
    STOCK(Account.SECURITIES, Shape.EQUITY),
    /** Exchange-traded fund, including spot bitcoin and ether ETFs; quantity in shares. */
    ETF(Account.SECURITIES, Shape.EQUITY),
    /** Listed option on a stock or ETF (OCC-cleared); quantity in contracts. */
    EQUITY_OPTION(Account.SECURITIES, Shape.OPTION),
    /** Listed option on an index such as SPX, XSP, NDX, RUT (cash-settled); quantity in contracts. */
    INDEX_OPTION(Account.SECURITIES, Shape.OPTION),
    /** Exchange-traded future on an index or other underlying; quantity in contracts. */
    FUTURE(Account.FUTURES, Shape.FUTURE),
    /** Option on a future (priced with Black-76); quantity in contracts. */
    FUTURE_OPTION(Account.FUTURES, Shape.OPTION),
    /** CFTC-regulated dated crypto future (CME BTC/MBT/ETH, Coinbase Derivatives); quantity in contracts. */
    CRYPTO_FUTURE(Account.FUTURES, Shape.FUTURE),
    /** CFTC-regulated crypto perpetual future: no expiry; quantity in contracts. */
    CRYPTO_PERPETUAL(Account.FUTURES, Shape.PERPETUAL),
    /** CFTC-regulated crypto option, treated as an option on the crypto future (Black-76). */
    CRYPTO_OPTION(Account.FUTURES, Shape.OPTION),
    /** US Treasury bill, note or bond; expiry is the maturity date; carries dv01. */
    TREASURY(Account.SECURITIES, Shape.BOND),
    /** Treasury future (ZT, ZF, ZN, ZB...); carries dv01 per contract. */
    TREASURY_FUTURE(Account.FUTURES, Shape.RATES_FUTURE);

    /** How the instrument's value responds to a scenario; decides the fields a position needs. */
    enum Shape { EQUITY, OPTION, FUTURE, PERPETUAL, BOND, RATES_FUTURE }

    private final Account homeAccount;
    private final Shape shape;

    InstrumentType(Account homeAccount, Shape shape) {
        this.homeAccount = homeAccount;
        this.shape = shape;
    }

    /** The account this instrument is held in today (its regulatory silo). */
    public Account homeAccount() {
        return homeAccount;
    }

    /** True for options: the position needs option_type, strike, expiry, implied_vol and underlying_price. */
    public boolean isOption() {
        return shape == Shape.OPTION;
    }

    /** True for rates instruments revalued by dv01 under yield shifts (TREASURY, TREASURY_FUTURE). */
    public boolean isRates() {
        return shape == Shape.BOND || shape == Shape.RATES_FUTURE;
    }

    /** True for instruments whose P&amp;L is linear in the underlying price (stock, ETF, futures, perpetuals). */
    public boolean isLinear() {
        return shape == Shape.EQUITY || shape == Shape.FUTURE || shape == Shape.PERPETUAL;
    }

    /** True when an expiry (or, for TREASURY, a maturity) date is required. */
    public boolean requiresExpiry() {
        return shape == Shape.OPTION || shape == Shape.FUTURE || shape == Shape.BOND || shape == Shape.RATES_FUTURE;
    }

    /** True when an expiry date must not be given (stocks, ETFs, perpetuals). */
    public boolean forbidsExpiry() {
        return shape == Shape.EQUITY || shape == Shape.PERPETUAL;
    }

    /** True for options on futures (FUTURE_OPTION, CRYPTO_OPTION), priced with Black-76 (cost of carry 0). */
    public boolean isOptionOnFuture() {
        return this == FUTURE_OPTION || this == CRYPTO_OPTION;
    }
}
