package org.marginconsult.portfolio;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.reference.ReferenceData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums positions and notional by account, instrument type, risk group and underlying while an upload
 * streams. Each position is added once, to its (account, instrument type, underlying) cell; the four
 * totals are rolled up from the cells at the end. Underlyings are capped at {@link #MAX_GROUPS} (a
 * portfolio with more gathers the rest under {@link #OTHER}), so memory stays bounded.
 */
final class TotalsAccumulator implements PositionSink {

    static final int MAX_GROUPS = 10_000;
    static final String OTHER = "(other)";

    private final ReferenceData reference;
    @SuppressWarnings("unchecked")
    private final Map<String, Sum>[][] cells = new Map[Account.values().length][InstrumentType.values().length];
    private final java.util.Set<String> underlyings = new java.util.HashSet<>();

    private static final class Sum {
        int positions;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;

        void add(int count, BigDecimal netAmount, BigDecimal grossAmount) {
            positions += count;
            net = net.add(netAmount);
            gross = gross.add(grossAmount);
        }
    }

    TotalsAccumulator(ReferenceData reference) {
        this.reference = reference;
    }

    @Override
    public void accept(int line, Position p, Cells text) {
        Map<String, Sum> byUnderlying = cells[p.account().ordinal()][p.instrumentType().ordinal()];
        if (byUnderlying == null) {
            byUnderlying = new HashMap<>();
            cells[p.account().ordinal()][p.instrumentType().ordinal()] = byUnderlying;
        }
        String underlying = p.underlying();
        if (!underlyings.contains(underlying)) {
            if (underlyings.size() >= MAX_GROUPS) {
                underlying = OTHER;
            } else {
                underlyings.add(underlying);
            }
        }
        Sum sum = byUnderlying.get(underlying);
        if (sum == null) {
            sum = new Sum();
            byUnderlying.put(underlying, sum);
        }
        BigDecimal notional = p.quantity().multiply(p.multiplier()).multiply(p.price());
        sum.add(1, notional, notional.abs());
    }

    List<PortfolioTotal> totals() {
        Map<PortfolioTotal.Dimension, Map<String, Sum>> rolled = new HashMap<>();
        for (PortfolioTotal.Dimension d : PortfolioTotal.Dimension.values()) {
            rolled.put(d, new TreeMap<>());
        }
        for (Account account : Account.values()) {
            for (InstrumentType type : InstrumentType.values()) {
                Map<String, Sum> byUnderlying = cells[account.ordinal()][type.ordinal()];
                if (byUnderlying == null) {
                    continue;
                }
                byUnderlying.forEach((underlying, s) -> {
                    String group = underlying.equals(OTHER) ? OTHER : reference.resolve(underlying).riskGroup();
                    add(rolled, PortfolioTotal.Dimension.ACCOUNT, account.name(), s);
                    add(rolled, PortfolioTotal.Dimension.INSTRUMENT_TYPE, type.name(), s);
                    add(rolled, PortfolioTotal.Dimension.RISK_GROUP, group, s);
                    add(rolled, PortfolioTotal.Dimension.UNDERLYING, underlying, s);
                });
            }
        }
        List<PortfolioTotal> out = new ArrayList<>();
        for (PortfolioTotal.Dimension d : PortfolioTotal.Dimension.values()) {
            rolled.get(d).forEach((key, s) -> out.add(new PortfolioTotal(d, key, s.positions, s.net, s.gross)));
        }
        return out;
    }

    private static void add(Map<PortfolioTotal.Dimension, Map<String, Sum>> rolled, PortfolioTotal.Dimension d,
            String key, Sum s) {
        rolled.get(d).computeIfAbsent(key, k -> new Sum()).add(s.positions, s.net, s.gross);
    }
}
