package org.marginconsult.portfolio;

import org.marginconsult.margin.Position;
import org.marginconsult.margin.reference.ReferenceData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums positions and notional by account, instrument type, risk group and underlying while an upload
 * streams. Groups are capped at {@link #MAX_GROUPS} per dimension (a portfolio with more underlyings
 * than that gathers the rest under {@link #OTHER}), so memory stays bounded.
 */
final class TotalsAccumulator implements PositionSink {

    static final int MAX_GROUPS = 10_000;
    static final String OTHER = "(other)";

    private final ReferenceData reference;
    private final Map<PortfolioTotal.Dimension, Map<String, Sum>> sums = new HashMap<>();

    private static final class Sum {
        int positions;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
    }

    TotalsAccumulator(ReferenceData reference) {
        this.reference = reference;
        for (PortfolioTotal.Dimension d : PortfolioTotal.Dimension.values()) {
            sums.put(d, new HashMap<>());
        }
    }

    @Override
    public void accept(int line, Position p) {
        BigDecimal notional = p.quantity().multiply(p.multiplier()).multiply(p.price());
        add(PortfolioTotal.Dimension.ACCOUNT, p.account().name(), notional);
        add(PortfolioTotal.Dimension.INSTRUMENT_TYPE, p.instrumentType().name(), notional);
        add(PortfolioTotal.Dimension.RISK_GROUP, reference.resolve(p.underlying()).riskGroup(), notional);
        add(PortfolioTotal.Dimension.UNDERLYING, p.underlying(), notional);
    }

    private void add(PortfolioTotal.Dimension dimension, String key, BigDecimal notional) {
        Map<String, Sum> groups = sums.get(dimension);
        Sum sum = groups.get(key);
        if (sum == null) {
            sum = groups.size() < MAX_GROUPS ? new Sum() : groups.computeIfAbsent(OTHER, k -> new Sum());
            if (groups.size() < MAX_GROUPS) {
                groups.put(key, sum);
            }
        }
        sum.positions++;
        sum.net = sum.net.add(notional);
        sum.gross = sum.gross.add(notional.abs());
    }

    List<PortfolioTotal> totals() {
        List<PortfolioTotal> out = new ArrayList<>();
        for (PortfolioTotal.Dimension d : PortfolioTotal.Dimension.values()) {
            sums.get(d).forEach((key, s) -> out.add(new PortfolioTotal(d, key, s.positions, s.net, s.gross)));
        }
        return out;
    }
}
