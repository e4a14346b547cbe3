package org.marginconsult.margin.collateral;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A collateral haircut schedule: the share of an asset's market value that does not count as collateral.
 * A haircut of 1 means the asset is not eligible. Immutable; every value is a parameter.
 *
 * @param id             schedule identifier (e.g. {@code SEC-15c3-1})
 * @param version        schedule version
 * @param source         the rule the defaults come from
 * @param treasuryLadder Treasury bands in increasing maturity; the last band's bound is open
 * @param equityHaircuts haircut per equity tier
 * @param flatHaircuts   haircut of every other kind (cash, stablecoins, BTC, ETH, gold)
 */
public record HaircutSchedule(String id, String version, String source, List<MaturityBand> treasuryLadder,
        Map<EquityTier, Double> equityHaircuts, Map<CollateralKind, Double> flatHaircuts) {

    /** Checks the ladder increases and that every kind and tier has a haircut. */
    public HaircutSchedule {
        treasuryLadder = List.copyOf(treasuryLadder);
        equityHaircuts = java.util.Collections.unmodifiableMap(new EnumMap<>(equityHaircuts));
        flatHaircuts = java.util.Collections.unmodifiableMap(new EnumMap<>(flatHaircuts));
        if (treasuryLadder.isEmpty() || treasuryLadder.get(treasuryLadder.size() - 1).maxMonths() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException(id + ": the Treasury ladder must end with an open band");
        }
        for (int i = 1; i < treasuryLadder.size(); i++) {
            if (treasuryLadder.get(i).maxMonths() <= treasuryLadder.get(i - 1).maxMonths()) {
                throw new IllegalArgumentException(id + ": Treasury bands must increase in maturity");
            }
        }
        for (EquityTier t : EquityTier.values()) {
            requireShare(id, t.name(), equityHaircuts.get(t));
        }
        for (CollateralKind k : CollateralKind.values()) {
            if (k != CollateralKind.TREASURY && k != CollateralKind.EQUITY) {
                requireShare(id, k.name(), flatHaircuts.get(k));
            }
        }
    }

    private static void requireShare(String id, String what, Double v) {
        if (v == null || !(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(id + ": haircut for " + what + " must be in [0, 1]");
        }
    }

    /**
     * The haircut applied to an item on a date.
     *
     * @param item the collateral
     * @param asOf valuation date (remaining maturity is measured from it in whole months)
     * @return the haircut as a decimal
     */
    public double haircut(CollateralItem item, LocalDate asOf) {
        return switch (item.kind()) {
            case TREASURY -> {
                long months = ChronoUnit.MONTHS.between(asOf, item.maturity());
                double h = 1.0;
                for (MaturityBand band : treasuryLadder) {
                    if (months < band.maxMonths()) {
                        h = band.haircut();
                        break;
                    }
                }
                yield h;
            }
            case EQUITY -> equityHaircuts.get(item.tier());
            default -> flatHaircuts.get(item.kind());
        };
    }
}
