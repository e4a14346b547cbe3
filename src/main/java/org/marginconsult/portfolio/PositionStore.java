package org.marginconsult.portfolio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * SQL on {@code portfolio_position}: COPY in, pages with filters, streaming reads, delete. Runs on the
 * Hibernate session's JDBC connection, so it shares the caller's transaction.
 */
@ApplicationScoped
public class PositionStore {

    private static final String COLUMNS = "line_no, position_id, account, instrument_type, symbol, underlying,"
            + " quantity, multiplier, price, underlying_price, option_type, strike, expiry, implied_vol, dv01, currency";

    @Inject
    EntityManager em;

    /** Something to do with an open COPY into portfolio_position. */
    @FunctionalInterface
    interface CopyWork<T> {
        T run(CopyIn copy) throws Exception;
    }

    /**
     * Opens a COPY into portfolio_position on the transaction's connection (unwrapped from Agroal to
     * PgJDBC) and gives it to {@code work}, which must end or cancel it.
     */
    <T> T copyIn(CopyWork<T> work) {
        return session().doReturningWork(connection -> {
            PGConnection pg = connection.unwrap(PGConnection.class);
            try {
                return work.run(pg.getCopyAPI().copyIn(PositionCopyWriter.COPY_SQL));
            } catch (SQLException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A position as stored, with the line it came from. */
    public record StoredPosition(int line, Position position) {
    }

    /**
     * Which positions a page shows; null fields do not filter.
     *
     * @param account        only this account
     * @param instrumentType only this type
     * @param underlying     only this underlying (exact, any case)
     * @param text           symbol or position_id containing this text (any case)
     */
    public record Filter(Account account, InstrumentType instrumentType, String underlying, String text) {

        public static final Filter NONE = new Filter(null, null, null, null);

        boolean isEmpty() {
            return account == null && instrumentType == null && blank(underlying) && blank(text);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** One page of positions and how many match the filter in all. */
    public record Page(List<StoredPosition> positions, long matching, int page, int pageSize) {

        public long pages() {
            return Math.max(1, (matching + pageSize - 1) / pageSize);
        }
    }

    Page page(long portfolioId, Filter filter, int page, int pageSize) {
        return session().doReturningWork(connection -> {
            StringBuilder where = new StringBuilder(" where portfolio_id = ?");
            List<Object> args = new ArrayList<>();
            args.add(portfolioId);
            if (filter.account() != null) {
                where.append(" and account = ?");
                args.add(filter.account().name());
            }
            if (filter.instrumentType() != null) {
                where.append(" and instrument_type = ?");
                args.add(filter.instrumentType().name());
            }
            if (filter.underlying() != null && !filter.underlying().isBlank()) {
                where.append(" and upper(underlying) = ?");
                args.add(filter.underlying().strip().toUpperCase(Locale.ROOT));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                where.append(" and (symbol ilike ? escape '\\' or position_id ilike ? escape '\\')");
                String pattern = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%";
                args.add(pattern);
                args.add(pattern);
            }
            long matching;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from portfolio_position" + where)) {
                bind(count, args);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    matching = rs.getLong(1);
                }
            }
            List<StoredPosition> rows = new ArrayList<>(pageSize);
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from portfolio_position"
                    + where + " order by line_no limit ? offset ?")) {
                bind(select, args);
                select.setInt(args.size() + 1, pageSize);
                select.setLong(args.size() + 2, (long) page * pageSize);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
            }
            return new Page(rows, matching, page, pageSize);
        });
    }

    /** Every position of a portfolio in line order, streamed with a cursor (the caller's transaction). */
    void forEach(long portfolioId, Consumer<StoredPosition> consumer) {
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                    + " from portfolio_position where portfolio_id = ? order by line_no")) {
                select.setFetchSize(5000);
                select.setLong(1, portfolioId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(read(rs));
                    }
                }
            }
        });
    }

    int delete(long portfolioId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from portfolio_position where portfolio_id = ?")) {
                delete.setLong(1, portfolioId);
                return delete.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
    }

    private static StoredPosition read(ResultSet rs) throws SQLException {
        String optionType = rs.getString("option_type");
        return new StoredPosition(rs.getInt("line_no"), new Position(
                rs.getString("position_id"),
                Account.valueOf(rs.getString("account")),
                InstrumentType.valueOf(rs.getString("instrument_type")),
                rs.getString("symbol"),
                rs.getString("underlying"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("multiplier"),
                rs.getBigDecimal("price"),
                rs.getBigDecimal("underlying_price"),
                optionType == null ? null : OptionType.valueOf(optionType),
                rs.getBigDecimal("strike"),
                rs.getObject("expiry", LocalDate.class),
                rs.getBigDecimal("implied_vol"),
                rs.getBigDecimal("dv01"),
                rs.getString("currency")));
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
