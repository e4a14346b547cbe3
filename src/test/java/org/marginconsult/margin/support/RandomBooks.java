package org.marginconsult.margin.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;

/**
 * Deterministic random portfolios over the seeded reference data: stocks, ETFs, index and equity
 * options, futures and options on futures, crypto futures and perpetuals, Treasuries and Treasury futures,
 * in both accounts.
 */
public final class RandomBooks {

    private record Product(InstrumentType type, String underlying, double price, double multiplier) {
    }

    private static final List<Product> LINEAR = List.of(
            new Product(InstrumentType.ETF, "SPY", 590, 1), new Product(InstrumentType.ETF, "QQQ", 515, 1),
            new Product(InstrumentType.ETF, "IWM", 228, 1), new Product(InstrumentType.STOCK, "AAPL", 230, 1),
            new Product(InstrumentType.STOCK, "MSFT", 410, 1), new Product(InstrumentType.ETF, "IBIT", 55.8, 1),
            new Product(InstrumentType.ETF, "ETHA", 25.1, 1),
            new Product(InstrumentType.FUTURE, "ES", 5912.25, 50), new Product(InstrumentType.FUTURE, "MES", 5912.25, 5),
            new Product(InstrumentType.FUTURE, "NQ", 21010.5, 20), new Product(InstrumentType.FUTURE, "RTY", 2290.1, 50),
            new Product(InstrumentType.CRYPTO_FUTURE, "MBT", 98250, 0.1),
            new Product(InstrumentType.CRYPTO_FUTURE, "ETH", 3310, 50),
            new Product(InstrumentType.CRYPTO_PERPETUAL, "BTC-PERP", 98100, 0.01));

    private static final List<Product> OPTIONS = List.of(
            new Product(InstrumentType.INDEX_OPTION, "SPX", 5900, 100), new Product(InstrumentType.EQUITY_OPTION, "SPY", 590, 100),
            new Product(InstrumentType.INDEX_OPTION, "NDX", 21000, 100), new Product(InstrumentType.EQUITY_OPTION, "AAPL", 230, 100),
            new Product(InstrumentType.EQUITY_OPTION, "IBIT", 55.8, 100),
            new Product(InstrumentType.FUTURE_OPTION, "ES", 5912.25, 50), new Product(InstrumentType.FUTURE_OPTION, "NQ", 21010.5, 20),
            new Product(InstrumentType.CRYPTO_OPTION, "BTC", 98250, 5));

    private RandomBooks() {
    }

    /**
     * A random book.
     *
     * @param seed        random seed
     * @param size        number of positions
     * @param withOptions whether options are included (false gives a linear book)
     * @param withRates   whether Treasuries and Treasury futures are included
     * @return the positions, ids "p0".."p(size-1)"
     */
    public static List<Position> book(long seed, int size, boolean withOptions, boolean withRates) {
        Random random = new Random(seed);
        List<Position> book = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String id = "p" + i;
            int kind = random.nextInt(withRates ? 10 : 8);
            if (kind >= 8) {
                book.add(rates(random, id));
            } else if (withOptions && kind >= 4) {
                book.add(option(random, id));
            } else {
                book.add(linear(random, id));
            }
        }
        return book;
    }

    private static String qty(Random random, int max) {
        int q = 1 + random.nextInt(max);
        return String.valueOf(random.nextBoolean() ? q : -q);
    }

    private static Position linear(Random random, String id) {
        Product p = LINEAR.get(random.nextInt(LINEAR.size()));
        // One mark per instrument, as in a real book (and as strategy-based pairing requires).
        String price = decimal(p.price(), 2);
        return switch (p.type()) {
            case STOCK, ETF -> new Position(id, Account.SECURITIES, p.type(), p.underlying(), p.underlying(),
                    new BigDecimal(qty(random, 500)), BigDecimal.ONE, new BigDecimal(price), null, null, null, null,
                    null, null, "USD");
            case CRYPTO_PERPETUAL -> Position.future(id, p.type(), p.underlying(), p.underlying(), qty(random, 20),
                    String.valueOf(p.multiplier()), price, null);
            default -> Position.future(id, p.type(), p.underlying() + "Z6", p.underlying(), qty(random, 5),
                    String.valueOf(p.multiplier()), price, LocalDate.of(2026, 12, 18));
        };
    }

    private static Position option(Random random, String id) {
        Product p = OPTIONS.get(random.nextInt(OPTIONS.size()));
        double spot = p.price();
        double strike = spot * (0.8 + 0.4 * random.nextDouble());
        LocalDate expiry = MarginFixtures.AS_OF.plusDays(7 + random.nextInt(400));
        OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
        String vol = decimal(0.12 + 0.5 * random.nextDouble(), 4);
        return Position.option(id, p.type(), p.underlying() + " " + type + " " + Math.round(strike), p.underlying(),
                qty(random, 10), String.valueOf(p.multiplier()), decimal(spot * 0.02 + 0.01, 2), decimal(spot, 2), type,
                decimal(strike, 0), expiry, vol);
    }

    private static Position rates(Random random, String id) {
        if (random.nextBoolean()) {
            String[] buckets = {"UST-2Y", "UST-5Y", "UST-10Y", "UST-30Y"};
            int b = random.nextInt(buckets.length);
            int years = new int[] {2, 5, 10, 30}[b];
            return Position.rates(id, InstrumentType.TREASURY, "UST " + years + "Y", buckets[b], qty(random, 2000), "10",
                    "98.5", MarginFixtures.AS_OF.plusYears(years), decimal(0.09 * years, 3));
        }
        String[] codes = {"ZT", "ZF", "ZN", "ZB"};
        int b = random.nextInt(codes.length);
        double dv01 = new double[] {38, 45, 72.5, 155}[b];
        return Position.rates(id, InstrumentType.TREASURY_FUTURE, codes[b] + "Z6", codes[b], qty(random, 20), "1000",
                "111.25", LocalDate.of(2026, 12, 19), decimal(dv01, 2));
    }

    private static String decimal(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
