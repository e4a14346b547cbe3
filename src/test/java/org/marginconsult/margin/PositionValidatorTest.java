package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PositionValidatorTest {

    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 18);

    private static Position call() {
        return Position.option("c1", InstrumentType.INDEX_OPTION, "SPXW 261218C6000", "SPX", "-2", "100", "85.40",
                "5900", OptionType.CALL, "6000", EXPIRY, "0.16");
    }

    private static Set<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @Test
    void aWellFormedPortfolioHasNoErrors() {
        List<Position> positions = List.of(call(),
                Position.equity("s1", InstrumentType.STOCK, "AAPL", "100", "230.10"),
                Position.future("f1", InstrumentType.FUTURE, "ESZ6", "ES", "1", "50", "5900.25", EXPIRY),
                Position.future("p1", InstrumentType.CRYPTO_PERPETUAL, "BTC-PERP", "BTC-PERP", "-3", "0.01", "98000", null),
                Position.rates("t1", InstrumentType.TREASURY, "912828ZQ6", "UST-10Y", "1000", "10", "98.5",
                        LocalDate.of(2035, 11, 15), "0.85"));
        assertEquals(List.of(), PositionValidator.validate(positions, LocalDate.of(2026, 11, 20)));
    }

    @Test
    void anOptionWithoutItsOptionFieldsGetsOneErrorPerMissingField() {
        Position p = new Position("o1", Account.SECURITIES, InstrumentType.EQUITY_OPTION, "AAPL C", "AAPL",
                BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("2.5"), null, null, null, null, null, null, "USD");
        List<FieldError> errors = PositionValidator.validate(List.of(p));
        assertEquals(Set.of("optionType", "strike", "underlyingPrice", "impliedVol", "expiry"), fields(errors));
        assertEquals(5, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.positionIndex() == 0));
    }

    @Test
    void optionFieldsOnAStockAreRefused() {
        Position p = new Position("s1", Account.SECURITIES, InstrumentType.STOCK, "AAPL", "AAPL", BigDecimal.TEN,
                BigDecimal.ONE, new BigDecimal("230"), new BigDecimal("230"), OptionType.PUT, new BigDecimal("200"),
                EXPIRY, new BigDecimal("0.3"), null, "USD");
        assertEquals(Set.of("optionType", "strike", "underlyingPrice", "impliedVol", "expiry"),
                fields(PositionValidator.validate(List.of(p))));
    }

    @Test
    void nonPositiveNumbersAreRefusedFieldByField() {
        Position p = new Position("o1", Account.SECURITIES, InstrumentType.EQUITY_OPTION, "AAPL C", "AAPL",
                BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("230"), OptionType.CALL,
                new BigDecimal("0"), EXPIRY, new BigDecimal("-0.2"), null, "USD");
        assertEquals(Set.of("multiplier", "price", "strike", "impliedVol"), fields(PositionValidator.validate(List.of(p))));
    }

    @Test
    void aVolatilityTypedAsAPercentageIsRefused() {
        Position p = Position.option("o1", InstrumentType.EQUITY_OPTION, "AAPL C", "AAPL", "1", "100", "2.5", "230",
                OptionType.CALL, "240", EXPIRY, "25");
        List<FieldError> errors = PositionValidator.validate(List.of(p));
        assertEquals(1, errors.size());
        assertEquals("impliedVol", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("0.25 for 25%"));
    }

    @Test
    void onlyUsdIsAccepted() {
        Position p = new Position("s1", Account.SECURITIES, InstrumentType.STOCK, "SAP", "SAP", BigDecimal.TEN,
                BigDecimal.ONE, new BigDecimal("230"), null, null, null, null, null, null, "EUR");
        List<FieldError> errors = PositionValidator.validate(List.of(p));
        assertEquals(List.of(new FieldError(0, "currency", "only USD is supported, got 'EUR'")), errors);
    }

    @Test
    void aFutureInTheSecuritiesAccountIsRefused() {
        Position p = new Position("f1", Account.SECURITIES, InstrumentType.FUTURE, "ESZ6", "ES", BigDecimal.ONE,
                new BigDecimal("50"), new BigDecimal("5900"), null, null, null, EXPIRY, null, null, "USD");
        assertEquals(Set.of("account"), fields(PositionValidator.validate(List.of(p))));
    }

    @Test
    void ratesInstrumentsNeedADv01AndOthersMustNotHaveOne() {
        Position noDv01 = new Position("t1", Account.SECURITIES, InstrumentType.TREASURY, "T", "UST-10Y",
                BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("98"), null, null, null, LocalDate.of(2035, 1, 1), null,
                null, "USD");
        Position stockDv01 = new Position("s1", Account.SECURITIES, InstrumentType.STOCK, "AAPL", "AAPL",
                BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("230"), null, null, null, null, null, BigDecimal.ONE, "USD");
        List<FieldError> errors = PositionValidator.validate(List.of(noDv01, stockDv01));
        assertEquals(List.of(new FieldError(0, "dv01", "dv01 is required"),
                new FieldError(1, "dv01", "dv01 does not apply to STOCK and must be empty")), errors);
    }

    @Test
    void anExpiredOptionIsReportedAgainstTheValuationDate() {
        List<FieldError> errors = PositionValidator.validate(List.of(call()), LocalDate.of(2026, 12, 19));
        assertEquals(Set.of("expiry"), fields(errors));
        assertTrue(errors.get(0).message().contains("expired"));
    }

    @Test
    void aPerpetualMustNotHaveAnExpiry() {
        Position p = Position.future("p1", InstrumentType.CRYPTO_PERPETUAL, "BTC-PERP", "BTC", "1", "0.01", "98000", EXPIRY);
        assertEquals(Set.of("expiry"), fields(PositionValidator.validate(List.of(p))));
    }

    @Test
    void missingIdentityFieldsAndZeroQuantityAreEachReported() {
        Position p = new Position(" ", null, null, null, "", BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, null,
                null, null, null, null, null, null);
        assertEquals(Set.of("positionId", "account", "instrumentType", "symbol", "underlying", "quantity", "currency"),
                fields(PositionValidator.validate(List.of(p))));
    }

    @Test
    void aDuplicatePositionIdIsReportedOnTheSecondOccurrence() {
        List<FieldError> errors = PositionValidator.validate(List.of(call(), call()));
        assertEquals(List.of(new FieldError(1, "positionId", "positionId 'c1' is already used by position 0")), errors);
    }

    @Test
    void requireValidThrowsWithEveryError() {
        Position p = new Position("x", Account.SECURITIES, InstrumentType.STOCK, "A", "A", BigDecimal.ZERO,
                BigDecimal.ONE, BigDecimal.ZERO, null, null, null, null, null, null, "USD");
        InvalidPortfolioException e = assertThrows(InvalidPortfolioException.class,
                () -> PositionValidator.requireValid(List.of(p), null));
        assertEquals(2, e.errors().size());
    }

    @Test
    void magnitudesNoRealPositionReachesAreRefusedOnTheirFieldWithTheLimit() {
        Position p = new Position("o1", Account.SECURITIES, InstrumentType.EQUITY_OPTION, "AAPL C", "AAPL",
                new BigDecimal("-1E+308"), new BigDecimal("1E-30"), new BigDecimal("12345678901234567890"),
                new BigDecimal("1E+400"), OptionType.CALL, new BigDecimal("20000000"), EXPIRY, new BigDecimal("0.3"),
                null, "USD");
        List<FieldError> errors = PositionValidator.validate(List.of(p));
        assertEquals(List.of("quantity", "multiplier", "price", "strike", "underlyingPrice"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("quantity must be at most 1,000,000,000 shares, contracts or units either way, got -1E+308",
                errors.get(0).message());
        assertEquals("multiplier must be at least 0.000001, got 1E-30", errors.get(1).message());
        assertEquals("price must be at most 10,000,000 dollars per unit, got 12345678901234567890",
                errors.get(2).message());
        Position treasury = Position.rates("t1", InstrumentType.TREASURY, "912828ZQ6", "UST-10Y", "1000", "10",
                "98.5", LocalDate.of(2035, 11, 15), "100001");
        assertEquals(List.of(new FieldError(0, "dv01",
                "dv01 must be at most 100,000 dollars per basis point per unit, got 100001")),
                PositionValidator.validate(List.of(treasury)));
        Position future = Position.future("f1", InstrumentType.FUTURE, "ESZ6", "ES", "1", "1000001", "5900", EXPIRY);
        assertEquals(List.of(new FieldError(0, "multiplier",
                "multiplier must be at most 1,000,000 dollars per point, got 1000001")),
                PositionValidator.validate(List.of(future)));
    }

    @Test
    void aPositionWorthMoreThanATrillionDollarsIsRefusedAsAUnitMistake() {
        Position inCents = Position.equity("s1", InstrumentType.STOCK, "AAPL", "900000000", "23010");
        assertEquals(List.of(new FieldError(0, "quantity", "quantity x multiplier x price is $20,709,000,000,000,"
                + " above $1,000,000,000,000, the most one position may be worth: check the units of quantity,"
                + " multiplier and price")), PositionValidator.validate(List.of(inCents)));
        Position deepPut = Position.option("o1", InstrumentType.EQUITY_OPTION, "AAPL P", "AAPL", "-10000", "100",
                "5", "230", OptionType.PUT, "1000001", EXPIRY, "0.3");
        assertEquals("quantity x multiplier x the largest of price, underlyingPrice and strike is"
                + " $1,000,001,000,000, above $1,000,000,000,000, the most one position may be worth: check the"
                + " units of quantity, multiplier and prices",
                PositionValidator.validate(List.of(deepPut)).get(0).message());
        Position atTheLimit = Position.equity("s1", InstrumentType.STOCK, "AAPL", "-1000000000", "1000");
        assertEquals(List.of(), PositionValidator.validate(List.of(atTheLimit)));
    }
}
