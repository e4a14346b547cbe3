package org.marginconsult.impact;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.marginconsult.consultation.ConsultationService;
import org.marginconsult.consultation.ConsultationView;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.collateral.CollateralItem;
import org.marginconsult.margin.collateral.CollateralKind;
import org.marginconsult.margin.collateral.EquityTier;

/**
 * Reads stored portfolios from their tables (migration V200), streaming positions with a server-side
 * cursor so that a million-position book is read in one pass without the persistence context; the
 * worker calls this outside any request, with the run's firm, so it cannot go through the portfolio
 * service's caller-bound reads. Every portfolio query filters on the firm. Consultations come from the
 * consultation service, with its rule of what participants may see.
 */
@ApplicationScoped
public class StoredSources implements ImpactSources {

    private static final int FETCH = 20_000;
    private static final int PROGRESS_EVERY = 50_000;

    @Inject
    DataSource dataSource;

    @Inject
    ConsultationService consultations;

    @Override
    public List<PortfolioChoice> portfolios(String firm) {
        return query("select id, label, version, as_of, position_count from portfolio where firm = ? "
                + "order by uploaded_at desc, id desc", firm, null);
    }

    @Override
    public Optional<PortfolioChoice> portfolio(String firm, long portfolioId) {
        return query("select id, label, version, as_of, position_count from portfolio where firm = ? and id = ?", firm,
                portfolioId).stream().findFirst();
    }

    private List<PortfolioChoice> query(String sql, String firm, Long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firm);
            if (id != null) {
                s.setLong(2, id);
            }
            List<PortfolioChoice> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new PortfolioChoice(r.getLong(1), r.getString(2), r.getInt(3), r.getObject(4, LocalDate.class),
                            r.getInt(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("portfolios cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ImpactInput> load(String firm, long portfolioId, LoadProgress progress) {
        Optional<PortfolioChoice> header = portfolio(firm, portfolioId);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        PortfolioChoice p = header.get();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Position> positions = new ArrayList<>(Math.max(16, p.positions()));
                Shared shared = new Shared();
                try (PreparedStatement s = c.prepareStatement("""
                        select position_id, account, instrument_type, symbol, underlying, quantity, multiplier, price,
                               underlying_price, option_type, strike, expiry, implied_vol, dv01, currency
                        from portfolio_position where portfolio_id = ? order by line_no""")) {
                    s.setFetchSize(FETCH);
                    s.setLong(1, portfolioId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            positions.add(shared.position(r));
                            if (positions.size() % PROGRESS_EVERY == 0) {
                                progress.read(positions.size(), p.positions());
                            }
                        }
                    }
                }
                List<CollateralItem> collateral = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("select line_no, account, asset, market_value, maturity "
                        + "from portfolio_collateral where portfolio_id = ? order by line_no")) {
                    s.setLong(1, portfolioId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            collateral.add(collateral(r));
                        }
                    }
                }
                c.commit();
                return Optional.of(new ImpactInput(p.id(), firm, p.label(), p.version(), p.asOf(), positions, collateral));
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the portfolio cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Builds positions from rows, sharing the values that repeat across a book (symbols, underlyings,
     * multipliers, strikes, underlying prices, expiries) instead of holding one copy per row: a million
     * positions hold far fewer distinct values than fields, and every position stays exactly as stored.
     */
    private static final class Shared {
        private static final int DISTINCT = 65_536;
        private final Map<String, String> text = new HashMap<>();
        private final Map<BigDecimal, BigDecimal> numbers = new HashMap<>();
        private final Map<LocalDate, LocalDate> dates = new HashMap<>();

        Position position(ResultSet r) throws SQLException {
            String optionType = r.getString(10);
            LocalDate expiry = r.getObject(12, LocalDate.class);
            return new Position(r.getString(1), Account.valueOf(r.getString(2)),
                    InstrumentType.valueOf(r.getString(3)), text(r.getString(4)), text(r.getString(5)),
                    r.getBigDecimal(6), number(r.getBigDecimal(7)), r.getBigDecimal(8), number(r.getBigDecimal(9)),
                    optionType == null ? null : OptionType.valueOf(optionType), number(r.getBigDecimal(11)),
                    expiry == null ? null : shared(dates, expiry), number(r.getBigDecimal(13)),
                    number(r.getBigDecimal(14)), text(r.getString(15).trim()));
        }

        private String text(String s) {
            return s == null ? null : shared(text, s);
        }

        /** Shared only when equal in value and scale, so a position's canonical form does not change. */
        private BigDecimal number(BigDecimal n) {
            return n == null ? null : shared(numbers, n);
        }

        /** Values that do not repeat (a book of unique implied vols) stop being collected at a bound. */
        private static <T> T shared(Map<T, T> seen, T value) {
            T earlier = seen.get(value);
            if (earlier != null) {
                return earlier;
            }
            if (seen.size() < DISTINCT) {
                seen.put(value, value);
            }
            return value;
        }
    }

    /**
     * Maps a stored collateral line to the engine's item. The upload does not record an equity's index
     * membership, so equities take the most conservative tier (OTHER).
     */
    private static CollateralItem collateral(ResultSet r) throws SQLException {
        String asset = r.getString(3);
        CollateralKind kind = switch (asset) {
            case "CASH_USD" -> CollateralKind.CASH_USD;
            case "US_TREASURY" -> CollateralKind.TREASURY;
            case "EQUITY" -> CollateralKind.EQUITY;
            case "STABLECOIN" -> CollateralKind.STABLECOIN;
            case "BITCOIN" -> CollateralKind.BTC;
            case "ETHER" -> CollateralKind.ETH;
            default -> throw new IllegalStateException("unknown collateral asset " + asset);
        };
        BigDecimal value = r.getBigDecimal(4);
        Date maturity = r.getDate(5);
        return new CollateralItem("collateral line " + r.getInt(1), Account.valueOf(r.getString(2)), kind, value,
                kind == CollateralKind.TREASURY && maturity != null ? maturity.toLocalDate() : null,
                kind == CollateralKind.EQUITY ? EquityTier.OTHER : null);
    }

    /** Published consultations, as the consultation feature shows them to the public. */
    @Override
    public List<ConsultationChoice> consultations() {
        // A consultation that consults on no proposal (the 2020 precedent) cannot frame a run: none would pass.
        return consultations.list(ConsultationService.Audience.PUBLIC).stream().map(StoredSources::choice)
                .filter(c -> !c.proposalIds().isEmpty()).toList();
    }

    @Override
    public Optional<ConsultationChoice> consultation(long consultationId) {
        try {
            return Optional.of(choice(consultations.view(consultationId, ConsultationService.Audience.PUBLIC)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static ConsultationChoice choice(ConsultationView v) {
        return new ConsultationChoice(v.id(), v.title(),
                v.proposals().stream().map(ConsultationView.ProposalView::id).toList());
    }
}
