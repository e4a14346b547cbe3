package org.marginconsult.margin.methodology.span;

import static org.marginconsult.margin.scenario.VolShiftKind.RELATIVE;
import static org.marginconsult.margin.methodology.span.InterCommoditySpread.Style.PERCENTAGE;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SPAN parameter set shipped with the product: the combined commodities we seed (ES, MES, NQ, MNQ,
 * RTY, ZN, ZF, ZB, BTC, MBT, ETH and the bitcoin and ether perpetuals) and their inter-commodity
 * spreads.
 *
 * <p>Also rows for the other futures of the reference data (M2K, ZT, TN, UB, MET), derived the same way.
 *
 * <p>Each value carries its source or rationale in {@link CombinedCommodityParameters#source()}; the
 * same table with the same notes is in docs/methodology/span.md. Values marked "house default" are
 * not a published CME figure we hold: they are documented defaults that any request may override.
 * Scenario shape: X = 2 scan ranges at weight 35% (McMillan, <i>Options as a Strategic Investment</i>,
 * ch. 34: the $10,000 S&amp;P 500 risk array's extreme line is $7,000); one day of option decay; HRP
 * initial 110% of maintenance (CME performance-bond advisories).
 */
public final class SpanDefaults {

    /** Id of the shipped parameter set. */
    public static final String ID = "CME-SPAN-DEFAULTS";
    /** Version of the shipped parameter set. */
    public static final String VERSION = "2026.1";

    private static final String CME_APRIL_2025 =
            "CME maintenance as of April 2025, republished by lpfutures.com/financials";
    private static final String VERIFY_RATES =
            "intra 5% and SOM 10% of the scan range: house default (CME publishes them in its SPAN file)";

    private SpanDefaults() {
    }

    /** The shipped parameter set. */
    public static SpanParameters parameters() {
        Map<String, CombinedCommodityParameters> cc = new TreeMap<>();
        put(cc, index("ES", 50, 11_500, "PSR $11,500: " + CME_APRIL_2025
                + "; VSR 35% relative: CME S&P 500 SPAN example; " + VERIFY_RATES));
        put(cc, index("MES", 5, 1_150, "PSR $1,150: " + CME_APRIL_2025 + "; others as ES (house default)"));
        put(cc, index("NQ", 20, 18_000, "PSR $18,000: " + CME_APRIL_2025 + "; others as ES (house default)"));
        put(cc, index("MNQ", 2, 1_800, "PSR $1,800: one tenth of NQ as CME sizes micro margins with the contract (house default)"));
        put(cc, index("RTY", 50, 7_000,
                "PSR $7,000, house default: about 7% of a 2,000-point x $50 contract, like ES/NQ's 6-9% of notional"));
        put(cc, index("M2K", 5, 700, "PSR $700: one tenth of RTY (house default)"));
        put(cc, rates("ZT", 2_000, 1_000,
                "PSR $1,000, house default: about 0.5% of a 104-point x $2,000 contract (2-year note, low duration)"));
        put(cc, rates("ZN", 1_000, 2_000,
                "PSR $2,000, house default: about 1.8% of a 110-point x $1,000 contract (~31bp at ~$65/bp dv01)"));
        put(cc, rates("TN", 1_000, 2_800, "PSR $2,800, house default: ZN scaled up by duration (ultra 10-year)"));
        put(cc, rates("ZF", 1_000, 1_400, "PSR $1,400, house default: ZN scaled down by duration"));
        put(cc, rates("ZB", 1_000, 4_000, "PSR $4,000, house default: ZN scaled up by duration"));
        put(cc, rates("UB", 1_000, 6_000, "PSR $6,000, house default: ZB scaled up by duration (ultra bond)"));
        put(cc, crypto("BTC", 5, 150_000,
                "PSR $150,000, house default: 30% of a 5-BTC contract at a $100,000 reference price (CME BTC specs: 5 BTC)"));
        put(cc, crypto("MBT", 0.1, 3_000,
                "PSR $3,000, house default: 30% of 0.1 BTC at $100,000 (CME Micro Bitcoin: 1/50 of BTC)"));
        put(cc, crypto("ETH", 50, 61_250, "PSR $61,250, house default: 35% of a 50-ETH contract at a $3,500 reference price"));
        put(cc, crypto("MET", 0.1, 122.5, "PSR $122.50, house default: 35% of 0.1 ETH at $3,500 (CME Micro Ether: 0.1 ether)"));
        put(cc, crypto("BTC-PERP", 1, 30_000,
                "PSR $30,000 per bitcoin, house default: 30% at $100,000; a perpetual's size is its multiplier"));
        put(cc, crypto("ETH-PERP", 1, 1_225, "PSR $1,225 per ether, house default: 35% at $3,500"));
        List<InterCommoditySpread> spreads = List.of(
                spread(1, "ES", 1, "MES", 10, 1.00, "same index, MES is one tenth of ES; rate: house default"),
                spread(2, "NQ", 1, "MNQ", 10, 1.00, "same index, MNQ is one tenth of NQ; rate: house default"),
                spread(3, "BTC", 1, "MBT", 50, 1.00, "same reference rate, MBT is 1/50 of BTC; rate: house default"),
                spread(4, "RTY", 1, "M2K", 10, 1.00, "same index, M2K is one tenth of RTY; rate: house default"),
                spread(5, "ETH", 1, "MET", 500, 1.00, "same reference rate, 50 ETH against 0.1 ETH; rate: house default"),
                spread(6, "BTC", 1, "BTC-PERP", 5, 0.90, "5 BTC against five 1-BTC perpetual units; funding basis;"
                        + " rate: house default"),
                spread(7, "ETH", 1, "ETH-PERP", 50, 0.90, "50 ETH against fifty 1-ETH perpetual units; rate: house default"),
                spread(8, "ES", 3, "NQ", 2, 0.70, "notional-matched US large-cap indices; rate: house default"),
                spread(9, "ES", 1, "RTY", 3, 0.50, "notional-matched large vs small cap; rate: house default"),
                spread(10, "ZN", 4, "TN", 3, 0.80, "dv01-matched 10-year and ultra 10-year; rate: house default"),
                spread(11, "ZB", 3, "UB", 2, 0.80, "dv01-matched bond and ultra bond; rate: house default"),
                spread(12, "ZT", 6, "ZF", 5, 0.70, "dv01-matched adjacent curve points; rate: house default"),
                spread(13, "ZF", 3, "ZN", 2, 0.70, "dv01-matched adjacent curve points; rate: house default"),
                spread(14, "ZN", 5, "ZB", 2, 0.60, "dv01-matched; rate: house default"),
                spread(15, "BTC", 1, "ETH", 3, 0.35, "roughly notional-matched crypto majors; rate: house default"));
        return new SpanParameters(ID, VERSION, 2.0, 0.35, true, 1, 1.0, 0.15, true, 1.10, cc, spreads);
    }

    private static void put(Map<String, CombinedCommodityParameters> table, CombinedCommodityParameters cc) {
        table.put(cc.code(), cc);
    }

    private static CombinedCommodityParameters index(String code, double multiplier, double psr, String source) {
        return new CombinedCommodityParameters(code, multiplier, psr, 0.35, RELATIVE, 0.05, 0.0, 0, 0.10, source);
    }

    private static CombinedCommodityParameters rates(String code, double multiplier, double psr, String source) {
        return new CombinedCommodityParameters(code, multiplier, psr, 0.10, RELATIVE, 0.05, 0.0, 0, 0.10,
                source + "; VSR 10% relative (house default); delivery-month charge 0 (house default); " + VERIFY_RATES);
    }

    private static CombinedCommodityParameters crypto(String code, double multiplier, double psr, String source) {
        return new CombinedCommodityParameters(code, multiplier, psr, 0.50, RELATIVE, 0.05, 0.0, 0, 0.10,
                source + "; VSR 50% relative (Deribit's vol-up shock, house default); " + VERIFY_RATES);
    }

    private static InterCommoditySpread spread(int priority, String a, double ra, String b, double rb, double rate,
            String source) {
        return new InterCommoditySpread(priority, a, ra, b, rb, PERCENTAGE, rate, source);
    }
}
