package org.marginconsult.margin.reference;

/**
 * The product class of an underlying, which decides its scan range under portfolio margin
 * (FINRA Rule 4210(g); SEC Release 34-46576: high-cap broad-based index -8%/+6%, other broad-based
 * index +/-10%, equities and narrow-based indices +/-15%) and its default grid in other methodologies.
 */
public enum ProductClass {
    /** High-capitalisation diversified index and its proxies (S&amp;P 500, Nasdaq-100: SPX, XSP, SPY, ES, NDX, QQQ, NQ). */
    HIGH_CAP_BROAD_INDEX,
    /** Other broad-based index (Russell 2000: RUT, IWM, RTY). */
    OTHER_BROAD_INDEX,
    /** Narrow-based index (a sector index). */
    NARROW_INDEX,
    /** Single stock or an ETF not tracking a broad index; the default for unknown underlyings. */
    SINGLE_EQUITY,
    /** Crypto asset and its spot ETFs, futures, perpetuals and options (BTC, ETH). */
    CRYPTO,
    /** US Treasury tenor bucket: Treasuries and Treasury futures revalued by dv01. */
    RATES_TENOR_BUCKET
}
