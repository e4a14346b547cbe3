package org.marginconsult.margin.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.reference.UnderlyingReference;
import org.marginconsult.margin.support.MarginFixtures;

/**
 * A synthetic book for the performance benchmark: {@code size} positions over 2,000 underlyings (the
 * seeded reference data plus synthetic single equities S0001...), 70% options. 80% of positions are in
 * the securities account (stocks, ETFs, equity and index options), 20% in the futures account
 * (index, crypto and Treasury futures and options on the seeded futures). Decimal values are drawn from
 * small shared pools, as a real book repeats prices and strikes, which keeps the book in memory cheaply.
 */
public final class SyntheticBook {

    /** Number of distinct underlyings. */
    public static final int UNDERLYINGS = 2_000;

    private record Underlying(String symbol, InstrumentType stockType, InstrumentType optionType, double price,
            int multiplier) {
    }

    private record Future(String code, InstrumentType type, InstrumentType optionType, double price, double multiplier,
            double dv01) {
    }

    private static final List<Future> FUTURES = List.of(
            new Future("ES", InstrumentType.FUTURE, InstrumentType.FUTURE_OPTION, 5900, 50, 0),
            new Future("MES", InstrumentType.FUTURE, InstrumentType.FUTURE_OPTION, 5900, 5, 0),
            new Future("NQ", InstrumentType.FUTURE, InstrumentType.FUTURE_OPTION, 21000, 20, 0),
            new Future("MNQ", InstrumentType.FUTURE, InstrumentType.FUTURE_OPTION, 21000, 2, 0),
            new Future("RTY", InstrumentType.FUTURE, InstrumentType.FUTURE_OPTION, 2290, 50, 0),
            new Future("BTC", InstrumentType.CRYPTO_FUTURE, InstrumentType.CRYPTO_OPTION, 98000, 5, 0),
            new Future("MBT", InstrumentType.CRYPTO_FUTURE, InstrumentType.CRYPTO_OPTION, 98000, 0.1, 0),
            new Future("ETH", InstrumentType.CRYPTO_FUTURE, InstrumentType.CRYPTO_OPTION, 3300, 50, 0),
            new Future("ZN", InstrumentType.TREASURY_FUTURE, null, 111, 1000, 72.5),
            new Future("ZF", InstrumentType.TREASURY_FUTURE, null, 107, 1000, 45),
            new Future("ZB", InstrumentType.TREASURY_FUTURE, null, 116, 1000, 155));

    private SyntheticBook() {
    }

    /** The seeded reference data plus synthetic single equities up to 2,000 underlyings. */
    public static ReferenceData referenceData() {
        ReferenceData seeded = MarginFixtures.referenceData();
        List<UnderlyingReference> rows = new ArrayList<>(seeded.underlyings());
        for (int i = 1; rows.size() < UNDERLYINGS; i++) {
            String s = String.format("S%04d", i);
            rows.add(new UnderlyingReference(s, ProductClass.SINGLE_EQUITY, s, s, 1, 1, 0.01, "synthetic equity"));
        }
        return new ReferenceData("bench-1", rows);
    }

    /** A context on the fixtures' date with the synthetic reference data. */
    public static ValuationContext context(ReferenceData data) {
        return new ValuationContext(MarginFixtures.AS_OF, new Rates(0.04), data);
    }

    /**
     * Generates the book.
     *
     * @param size number of positions
     * @param seed random seed
     * @param data the reference data of {@link #referenceData()}
     * @return the positions
     */
    public static List<Position> generate(int size, long seed, ReferenceData data) {
        Random random = new Random(seed);
        List<Underlying> securities = new ArrayList<>();
        for (UnderlyingReference u : data.underlyings()) {
            switch (u.productClass()) {
                case HIGH_CAP_BROAD_INDEX, OTHER_BROAD_INDEX, NARROW_INDEX -> {
                    if (u.symbol().length() == 3 && !u.symbol().matches("ES|NQ|MES|MNQ|RTY|M2K")) {
                        boolean index = u.symbol().matches("SPX|XSP|NDX|XND|RUT|SOX");
                        securities.add(new Underlying(u.symbol(), index ? null : InstrumentType.ETF,
                                index ? InstrumentType.INDEX_OPTION : InstrumentType.EQUITY_OPTION,
                                index ? 5000 * u.priceRatio() + 100 : 400, 100));
                    }
                }
                case SINGLE_EQUITY -> securities.add(new Underlying(u.symbol(), InstrumentType.STOCK,
                        InstrumentType.EQUITY_OPTION, 20 + (u.symbol().hashCode() & 0x1ff), 100));
                case CRYPTO -> {
                    if (u.symbol().matches("IBIT|FBTC|ETHA")) {
                        securities.add(new Underlying(u.symbol(), InstrumentType.ETF, InstrumentType.EQUITY_OPTION,
                                u.symbol().equals("ETHA") ? 25 : 56, 100));
                    }
                }
                default -> {
                }
            }
        }
        BigDecimal[] quantities = pool(-50, 50);
        BigDecimal[] vols = new BigDecimal[40];
        for (int i = 0; i < vols.length; i++) {
            vols[i] = new BigDecimal("0.12").add(BigDecimal.valueOf(i, 2));
        }
        LocalDate[] expiries = new LocalDate[24];
        for (int i = 0; i < expiries.length; i++) {
            expiries[i] = MarginFixtures.AS_OF.plusDays(7 + 21L * i);
        }
        LocalDate futureExpiry = LocalDate.of(2026, 12, 18);
        BigDecimal hundred = BigDecimal.valueOf(100);
        List<Position> book = new ArrayList<>(size);
        for (int n = 0; n < size; n++) {
            String id = Integer.toString(n);
            BigDecimal qty = quantities[random.nextInt(quantities.length)];
            boolean option = random.nextInt(10) < 7;
            if (random.nextInt(5) < 4) {
                Underlying u = securities.get(random.nextInt(securities.size()));
                BigDecimal spot = BigDecimal.valueOf(Math.round(u.price()));
                if (option || u.stockType() == null) {
                    int strikeStep = random.nextInt(21) - 10;
                    BigDecimal strike = BigDecimal.valueOf(Math.max(1, Math.round(u.price() * (1 + 0.02 * strikeStep))));
                    OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
                    book.add(new Position(id, Account.SECURITIES, u.optionType(), u.symbol(), u.symbol(), qty, hundred,
                            BigDecimal.valueOf(Math.max(1, Math.round(u.price() * 0.03))), spot, type, strike,
                            expiries[random.nextInt(expiries.length)], vols[random.nextInt(vols.length)], null, "USD"));
                } else {
                    book.add(new Position(id, Account.SECURITIES, u.stockType(), u.symbol(), u.symbol(),
                            qty.multiply(hundred), BigDecimal.ONE, spot, null, null, null, null, null, null, "USD"));
                }
            } else {
                Future f = FUTURES.get(random.nextInt(FUTURES.size()));
                BigDecimal price = BigDecimal.valueOf(Math.round(f.price()));
                BigDecimal multiplier = BigDecimal.valueOf(f.multiplier());
                if (option && f.optionType() != null) {
                    int strikeStep = random.nextInt(21) - 10;
                    BigDecimal strike = BigDecimal.valueOf(Math.round(f.price() * (1 + 0.02 * strikeStep)));
                    OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
                    book.add(new Position(id, Account.FUTURES, f.optionType(), f.code(), f.code(), qty, multiplier,
                            BigDecimal.valueOf(Math.max(1, Math.round(f.price() * 0.03))), price, type, strike,
                            expiries[random.nextInt(expiries.length)], vols[random.nextInt(vols.length)], null, "USD"));
                } else {
                    book.add(new Position(id, Account.FUTURES, f.type(), f.code() + "Z6", f.code(), qty, multiplier,
                            price, null, null, null, futureExpiry, null,
                            f.dv01() > 0 ? BigDecimal.valueOf(f.dv01()) : null, "USD"));
                }
            }
        }
        return book;
    }

    private static BigDecimal[] pool(int from, int to) {
        List<BigDecimal> values = new ArrayList<>();
        for (int q = from; q <= to; q++) {
            if (q != 0) {
                values.add(BigDecimal.valueOf(q));
            }
        }
        return values.toArray(new BigDecimal[0]);
    }
}
