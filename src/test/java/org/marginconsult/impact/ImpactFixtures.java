package org.marginconsult.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.collateral.CollateralItem;
import org.marginconsult.margin.collateral.CollateralKind;
import org.marginconsult.margin.collateral.HaircutSchedules;

/** The shipped sample portfolio as engine positions, and books built by repeating it. */
public final class ImpactFixtures {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    private ImpactFixtures() {
    }

    /**
     * The sample portfolio's positions without its cash Treasuries, which FINRA 4210(g) portfolio margin
     * does not take (the engine refuses them under PORTFOLIO_MARGIN).
     */
    public static List<Position> samplePositions() {
        return allSamplePositions().stream().filter(p -> p.instrumentType() != InstrumentType.TREASURY).toList();
    }

    /** The sample portfolio's positions (src/main/resources/portfolio/sample-portfolio.csv). */
    public static List<Position> allSamplePositions() {
        try (InputStream in = ImpactFixtures.class.getClassLoader()
                .getResourceAsStream("portfolio/sample-portfolio.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            List<Position> positions = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    positions.add(position(lines[i].split(",", -1), ""));
                }
            }
            return positions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample repeated until it has {@code size} positions, each copy with its own ids. */
    public static List<Position> book(int size) {
        List<Position> sample = samplePositions();
        List<Position> book = new ArrayList<>(size);
        for (int i = 0; book.size() < size; i++) {
            Position p = sample.get(i % sample.size());
            book.add(new Position(p.positionId() + "-" + (i / sample.size()), p.account(), p.instrumentType(),
                    p.symbol(), p.underlying(), p.quantity(), p.multiplier(), p.price(), p.underlyingPrice(),
                    p.optionType(), p.strike(), p.expiry(), p.impliedVol(), p.dv01(), p.currency()));
        }
        return book;
    }

    public static ImpactInput input(List<Position> positions) {
        return new ImpactInput(42, "firm-a", "sample", 1, AS_OF, positions, collateral());
    }

    public static List<CollateralItem> collateral() {
        return List.of(
                new CollateralItem("C1", Account.SECURITIES, CollateralKind.CASH_USD, new BigDecimal("1000000"), null,
                        null),
                new CollateralItem("C2", Account.FUTURES, CollateralKind.TREASURY, new BigDecimal("5000000"),
                        LocalDate.of(2031, 11, 15), null),
                new CollateralItem("C3", Account.FUTURES, CollateralKind.BTC, new BigDecimal("250000"), null, null));
    }

    /** The application's catalog of reference data and proposals, with its default settings. */
    public static MarginCatalog catalog() {
        return new MarginCatalog(new MarginConfig() {
            @Override
            public String referenceData() {
                return "margin/reference-data-v1.csv";
            }

            @Override
            public List<String> proposals() {
                return List.of("A-full-offset", "B-80pct-capped", "C-conservative");
            }

            @Override
            public double riskFreeRate() {
                return 0.04;
            }
        }, new com.fasterxml.jackson.databind.ObjectMapper().registerModule(
                new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()));
    }

    public static ImpactCalculator calculator(MarginCatalog catalog) {
        return new ImpactCalculator(catalog.referenceData(), new Rates(0.04), "test",
                SecuritiesRegime::methodology,
                new ImpactCalculator.CollateralSchedules(HaircutSchedules.sec15c3_1(),
                        HaircutSchedules.prudentialSwaps(), HaircutSchedules.harmonisedProposal()),
                5, 25);
    }

    private static Position position(String[] f, String suffix) {
        return new Position(f[0] + suffix, Account.valueOf(f[1]), InstrumentType.valueOf(f[2]), f[3], f[4],
                num(f[5]), num(f[6]), num(f[7]), num(f[8]), f[9].isEmpty() ? null : OptionType.valueOf(f[9]),
                num(f[10]), f[11].isEmpty() ? null : LocalDate.parse(f[11]), num(f[12]), num(f[13]), f[14]);
    }

    private static BigDecimal num(String s) {
        return s.isEmpty() ? null : new BigDecimal(s);
    }
}
