package org.marginconsult.margin;

import java.util.List;

/**
 * A named, versioned margin rule applied to a portfolio: strategy-based (Reg T / FINRA 4210 / Cboe),
 * portfolio margin (FINRA 4210(g)), SPAN, or a cross-margin proposal. An instance is bound to one
 * explicit {@link ParameterSet}.
 *
 * <p>Implementations are stateless and thread-safe; {@link #calculate} validates its input with
 * {@link PositionValidator} and throws {@link InvalidPortfolioException} rather than margining a bad row.
 */
public interface Methodology {

    /** Identifier of the rule implemented, e.g. {@code SPAN}, {@code CROSS_MARGIN}. */
    String id();

    /** Version of the implementation; changes whenever a result could change for the same inputs. */
    String version();

    /** The parameters this instance applies. */
    ParameterSet parameters();

    /**
     * Computes the margin requirement of the positions.
     *
     * @param positions the portfolio (any order: results do not depend on it)
     * @param context   valuation date, rates and reference data
     * @return the result, its breakdown adding up to its total to the cent
     * @throws InvalidPortfolioException when a position is invalid
     */
    MarginResult calculate(List<Position> positions, ValuationContext context);

    /** Identifier and version as one value. */
    default VersionedId methodologyId() {
        return new VersionedId(id(), version());
    }

    /**
     * A result builder stamped with what every result must carry: this methodology's id and version,
     * its parameter set's id and version, the hash of these inputs, and the valuation date.
     *
     * @param positions the portfolio being margined
     * @param context   valuation date, rates and reference data
     * @return an empty builder
     */
    default MarginResultBuilder resultBuilder(List<Position> positions, ValuationContext context) {
        return MarginResult.builder(methodologyId(), parameters().parameterSetId(),
                InputHash.of(positions, methodologyId(), parameters(), context), context.asOf());
    }
}
