package org.marginconsult.margin;

/** The right an option gives its holder: to buy ({@link #CALL}) or to sell ({@link #PUT}) the underlying at the strike. */
public enum OptionType {
    /** Right to buy the underlying at the strike. */
    CALL,
    /** Right to sell the underlying at the strike. */
    PUT
}
