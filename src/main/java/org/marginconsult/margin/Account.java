package org.marginconsult.margin;

/**
 * The account a position is held in today: a broker-dealer securities account (SEC Rule 15c3-3,
 * Regulation T, FINRA Rule 4210) or a futures account at an FCM (CFTC Part 1, exchange SPAN margin).
 *
 * <p>Today's siloed margin is computed per account; a cross-margin proposal combines both.
 */
public enum Account {
    /** Securities account: stocks, ETFs, listed equity and index options, Treasuries. */
    SECURITIES,
    /** Futures account: futures, options on futures and CFTC-regulated crypto derivatives. */
    FUTURES
}
