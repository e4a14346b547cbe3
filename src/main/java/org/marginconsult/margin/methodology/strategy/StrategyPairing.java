package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.util.List;

import org.marginconsult.margin.Warning;

/**
 * The strategies a securities account's positions were paired into under the strategy-based rules,
 * exact (unrounded). Immutable.
 *
 * <p>{@code initial} is the pairing of least Regulation T requirement and {@code maintenance} the
 * pairing of least FINRA Rule 4210 maintenance requirement. They are the same strategies except where
 * covering an in-the-money call with stock costs a different share of its in-the-money amount under
 * the two rules; then each requirement uses its own best pairing.
 *
 * @param initial     strategies minimising the initial requirement, in canonical order
 * @param maintenance strategies minimising the maintenance requirement, in canonical order
 * @param warnings    things the user should know (unknown underlyings, positions not margined here)
 */
public record StrategyPairing(List<Strategy> initial, List<Strategy> maintenance, List<Warning> warnings) {

    /** Copies the lists. */
    public StrategyPairing {
        initial = List.copyOf(initial);
        maintenance = List.copyOf(maintenance);
        warnings = List.copyOf(warnings);
    }

    /** Exact initial requirement: the sum of the initial pairing's initial requirements. */
    public BigDecimal initialRequirement() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Strategy s : initial) {
            sum = sum.add(s.initial());
        }
        return sum;
    }

    /** Exact maintenance requirement: the sum of the maintenance pairing's maintenance requirements. */
    public BigDecimal maintenanceRequirement() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Strategy s : maintenance) {
            sum = sum.add(s.maintenance());
        }
        return sum;
    }

    /** Exact sale proceeds that may be applied (the same under either pairing). */
    public BigDecimal saleProceeds() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Strategy s : initial) {
            sum = sum.add(s.saleProceeds());
        }
        return sum;
    }
}
