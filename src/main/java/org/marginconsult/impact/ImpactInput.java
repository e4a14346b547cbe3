package org.marginconsult.impact;

import java.time.LocalDate;
import java.util.List;

import org.marginconsult.margin.Position;
import org.marginconsult.margin.collateral.CollateralItem;

/**
 * Everything an impact run reads from a stored portfolio: its identity and version (for provenance),
 * valuation date, positions and posted collateral.
 */
public record ImpactInput(long portfolioId, String firm, String label, int version, LocalDate asOf,
        List<Position> positions, List<CollateralItem> collateral) {

    public ImpactInput {
        positions = List.copyOf(positions);
        collateral = List.copyOf(collateral);
    }
}
