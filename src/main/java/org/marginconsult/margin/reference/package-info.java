/**
 * Reference data on underlyings: product class (FINRA 4210(g) groupings), risk group and driver,
 * beta and price ratio, dividend yield. Parsed from text the caller reads; unknown underlyings default
 * to single equity with a warning.
 */
package org.marginconsult.margin.reference;
