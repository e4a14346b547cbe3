package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.methodology.cross.ImpactStudy;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.span.ScanRangeException;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.methodology.strategy.StrategyBased;
import org.marginconsult.margin.support.MarginFixtures;
import org.marginconsult.margin.support.ProposalFixtures;

/**
 * Portfolios at the edges of the field contract (prices and strikes at their limits or near nothing, an
 * expiry today or ten years out, volatilities from 0.0001 to 5, fractional and billion-unit quantities,
 * underlyings that reference data does not know or that do not match the symbol, and some beyond the field
 * ranges): every methodology either refuses them field by field or margins them with a result that does not
 * depend on the positions' order.
 * A fuzz of this kind found overflows answered with 500 and a SPAN refusal blaming the parameters (session 5).
 */
class EdgePortfoliosTest {

    private static final LocalDate AS_OF = MarginFixtures.AS_OF;

    @Test
    void everyMethodologyEitherRefusesAnEdgePortfolioFieldByFieldOrMarginsItWhateverThePositionsOrder() {
        ValuationContext context = MarginFixtures.context();
        List<CrossMarginProposal> proposals = Arrays.stream(ProposalFixtures.IDS).map(ProposalFixtures::load).toList();
        int margined = 0;
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            Random random = new Random(1_000_003L * 11 + trial);
            List<Position> book = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(10); i < n; i++) {
                book.add(edgePosition("p" + i, random));
            }
            List<Position> shuffled = new ArrayList<>(book);
            Collections.shuffle(shuffled, random);
            try {
                for (Methodology m : List.of(StrategyBased.withDefaults(), PortfolioMargin.withDefaults(),
                        Span.withDefaults())) {
                    Account account = m instanceof Span ? Account.FUTURES : Account.SECURITIES;
                    Function<List<Position>, List<Position>> own = ps -> ps.stream()
                            .filter(p -> p.account() == account).toList();
                    MarginResult first = m.calculate(own.apply(book), context);
                    MarginResult second = m.calculate(own.apply(shuffled), context);
                    assertEquals(first.total(), second.total(), m.id() + " on " + book);
                    assertEquals(first.inputHash(), second.inputHash(), m.id() + " on " + book);
                }
                for (Methodology today : List.<Methodology>of(StrategyBased.withDefaults(),
                        PortfolioMargin.withDefaults())) {
                    ImpactStudy a = ImpactStudy.run(book, context, today, Span.withDefaults(), proposals);
                    ImpactStudy b = ImpactStudy.run(shuffled, context, today, Span.withDefaults(), proposals);
                    for (int k = 0; k < proposals.size(); k++) {
                        assertEquals(a.proposals().get(k).total(), b.proposals().get(k).total(), "on " + book);
                        assertTrue(a.proposals().get(k).total().signum() >= 0, "on " + book);
                    }
                }
                margined++;
            } catch (InvalidPortfolioException | ScanRangeException e) {
                // A refusal that names its position and field is an answer; anything else fails the test.
                refused++;
            } catch (RuntimeException e) {
                fail("trial " + trial + " on " + book, e);
            }
        }
        assertTrue(margined > 50 && refused > 50, margined + " edge portfolios margined, " + refused + " refused");
    }

    private static Position edgePosition(String id, Random r) {
        LocalDate expiry = AS_OF.plusDays(pick(r, 0, 1, 30, 270, 271, 3650));
        switch (r.nextInt(7)) {
            case 0 -> {
                String symbol = pick(r, "AAPL", "SPY", "ZZZQ", "IBIT");
                return new Position(id, Account.SECURITIES, r.nextBoolean() ? InstrumentType.STOCK : InstrumentType.ETF,
                        symbol, symbol, dec(r, "1", "-7", "0.5", "-1000", "999999999", "0.000001", "1E+12"), BigDecimal.ONE,
                        dec(r, "0.0001", "4.99", "5", "190", "10000000", "1E+9"), null, null, null, null, null, null,
                        "USD");
            }
            case 1, 2 -> {
                String underlying = pick(r, "AAPL", "SPX", "RUT", "ZZZQ", "IBIT", "XSP");
                InstrumentType type = List.of("SPX", "RUT", "XSP").contains(underlying) ? InstrumentType.INDEX_OPTION
                        : InstrumentType.EQUITY_OPTION;
                return new Position(id, Account.SECURITIES, type, underlying + " " + id, underlying,
                        dec(r, "1", "-1", "-3", "10", "-9999"), dec(r, "100", "10", "1", "0.000001"),
                        dec(r, "0.0001", "1", "12.5", "10000000"), dec(r, "0.01", "50", "190", "5900", "10000000"),
                        r.nextBoolean() ? OptionType.CALL : OptionType.PUT,
                        dec(r, "0.01", "45", "190", "200", "5800", "9999999"), expiry,
                        dec(r, "0.0001", "0.2", "1", "5"), null, "USD");
            }
            case 3 -> {
                return new Position(id, Account.FUTURES, InstrumentType.FUTURE, "F " + id, pick(r, "ES", "NQ", "RTY", "ZZF"),
                        dec(r, "1", "-1", "-20", "-1E+10"), dec(r, "50", "20", "5", "1000000", "1E-9"),
                        dec(r, "5900", "20000", "0.01", "1E+308"),
                        null, null, null, expiry, null, null, "USD");
            }
            case 4 -> {
                return new Position(id, Account.FUTURES, InstrumentType.FUTURE_OPTION, "FO " + id, pick(r, "ES", "NQ"),
                        dec(r, "1", "-4"), dec(r, "50", "20"), dec(r, "0.05", "40", "300"),
                        dec(r, "5900", "20000", "1"), r.nextBoolean() ? OptionType.CALL : OptionType.PUT,
                        dec(r, "5800", "6000", "1", "100000"), expiry, dec(r, "0.0001", "0.2", "5"), null, "USD");
            }
            case 5 -> {
                return new Position(id, Account.FUTURES, InstrumentType.CRYPTO_PERPETUAL, "PERP " + id,
                        pick(r, "BTC-PERP", "ETH-PERP", "BTC"), dec(r, "1", "-1", "0.001", "-2.5"),
                        dec(r, "1", "0.1", "0.01"), dec(r, "90000", "3000", "0.0001"), null, null, null, null, null,
                        null, "USD");
            }
            default -> {
                boolean future = r.nextBoolean();
                return new Position(id, future ? Account.FUTURES : Account.SECURITIES,
                        future ? InstrumentType.TREASURY_FUTURE : InstrumentType.TREASURY, "T " + id,
                        pick(r, "UST-2Y", "UST-10Y", "ZN", "ZB", "UST-7Y"), dec(r, "1", "-1", "1000", "-50000"),
                        dec(r, "1000", "10", "1"), dec(r, "110.5", "99.99", "0.01"), null, null, null,
                        future ? expiry : AS_OF.plusDays(3650), null, dec(r, "80", "0.85", "100000", "0.0001"), "USD");
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static BigDecimal dec(Random r, String... values) {
        return new BigDecimal(pick(r, values));
    }
}
