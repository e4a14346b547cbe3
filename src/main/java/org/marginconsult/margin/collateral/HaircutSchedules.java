package org.marginconsult.margin.collateral;

import static org.marginconsult.margin.collateral.CollateralKind.BTC;
import static org.marginconsult.margin.collateral.CollateralKind.CASH_USD;
import static org.marginconsult.margin.collateral.CollateralKind.ETH;
import static org.marginconsult.margin.collateral.CollateralKind.GOLD;
import static org.marginconsult.margin.collateral.CollateralKind.STABLECOIN;

import java.util.List;
import java.util.Map;

/**
 * The haircut schedules shipped with the product (docs/methodology/collateral.md), as defaults that any
 * study may replace:
 * <ul>
 * <li>{@link #sec15c3_1()}: broker-dealer net capital haircuts, SEC Rule 15c3-1(c)(2)(vi): the Treasury
 * ladder of (c)(2)(vi)(A) and 15% for equities of (c)(2)(vi)(J); assets without a ready market
 * (stablecoins, crypto, gold) are not eligible (100%).</li>
 * <li>{@link #prudentialSwaps()}: the standardized schedule for non-cleared swaps margin,
 * 12 CFR 45 Appendix B (also 12 CFR 237 App. B, 17 CFR 23.156 for CFTC swap dealers): government
 * debt 0.5% under 1 year, 2% 1-5 years, 4% over 5 years; S&amp;P 500 equities 15%, other S&amp;P 1500
 * 25%; gold 15%; cash 0; other assets not eligible.</li>
 * <li>{@link #cryptoVenue()}: a crypto venue's collateral table (Kraken Futures, as the team reference gives it): USD 0%,
 * stablecoins 1%, BTC 3%, ETH 4%; securities not accepted.</li>
 * <li>{@link #harmonisedProposal()}: one schedule for a cross-margin account, for comparison: the
 * 15c3-1 ladder for Treasuries, the prudential tiers for equities and gold, stablecoins 2% and BTC/ETH
 * 20% (proposal values to consult on).</li>
 * </ul>
 */
public final class HaircutSchedules {

    private HaircutSchedules() {
    }

    /** SEC Rule 15c3-1 Treasury ladder, bounds in months. */
    public static List<MaturityBand> sec15c3_1TreasuryLadder() {
        return List.of(new MaturityBand(3, 0.0), new MaturityBand(6, 0.005), new MaturityBand(9, 0.0075),
                new MaturityBand(12, 0.01), new MaturityBand(24, 0.015), new MaturityBand(36, 0.02),
                new MaturityBand(60, 0.03), new MaturityBand(120, 0.04), new MaturityBand(180, 0.045),
                new MaturityBand(240, 0.05), new MaturityBand(300, 0.055), new MaturityBand(Integer.MAX_VALUE, 0.06));
    }

    /** Broker-dealer haircuts (SEC Rule 15c3-1). */
    public static HaircutSchedule sec15c3_1() {
        return new HaircutSchedule("SEC-15c3-1", "1", "17 CFR 240.15c3-1(c)(2)(vi)(A) and (J)",
                sec15c3_1TreasuryLadder(),
                Map.of(EquityTier.SP500, 0.15, EquityTier.SP1500, 0.15, EquityTier.OTHER, 0.15),
                Map.of(CASH_USD, 0.0, STABLECOIN, 1.0, BTC, 1.0, ETH, 1.0, GOLD, 1.0));
    }

    /** Prudential non-cleared swaps schedule (12 CFR 45 Appendix B). */
    public static HaircutSchedule prudentialSwaps() {
        return new HaircutSchedule("PRUDENTIAL-12CFR45", "1", "12 CFR 45 Appendix B, Table 1",
                List.of(new MaturityBand(12, 0.005), new MaturityBand(60, 0.02),
                        new MaturityBand(Integer.MAX_VALUE, 0.04)),
                Map.of(EquityTier.SP500, 0.15, EquityTier.SP1500, 0.25, EquityTier.OTHER, 1.0),
                Map.of(CASH_USD, 0.0, STABLECOIN, 1.0, BTC, 1.0, ETH, 1.0, GOLD, 0.15));
    }

    /** A crypto venue's collateral table (Kraken Futures, as the team reference gives it: USD 0%, stablecoins ~1%, BTC/ETH ~3-4%). */
    public static HaircutSchedule cryptoVenue() {
        return new HaircutSchedule("CRYPTO-VENUE", "1", "Kraken Futures collateral haircuts (team reference section 6)",
                List.of(new MaturityBand(Integer.MAX_VALUE, 1.0)),
                Map.of(EquityTier.SP500, 1.0, EquityTier.SP1500, 1.0, EquityTier.OTHER, 1.0),
                Map.of(CASH_USD, 0.0, STABLECOIN, 0.01, BTC, 0.03, ETH, 0.04, GOLD, 1.0));
    }

    /** One harmonised schedule for a cross-margin account (proposal values). */
    public static HaircutSchedule harmonisedProposal() {
        return new HaircutSchedule("HARMONISED-PROPOSAL", "1",
                "15c3-1 Treasury ladder; 12 CFR 45 App. B equity tiers and gold; stablecoin and crypto values to consult on",
                sec15c3_1TreasuryLadder(),
                Map.of(EquityTier.SP500, 0.15, EquityTier.SP1500, 0.25, EquityTier.OTHER, 0.30),
                Map.of(CASH_USD, 0.0, STABLECOIN, 0.02, BTC, 0.20, ETH, 0.20, GOLD, 0.15));
    }
}
