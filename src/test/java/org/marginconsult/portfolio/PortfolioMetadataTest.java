package org.marginconsult.portfolio;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PortfolioMetadataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    static MetadataInput.CollateralInput line(String account, String asset, String value, String maturity) {
        return new MetadataInput.CollateralInput(account, asset, value, maturity);
    }

    @Test
    void validMetadataKeepsCollateralAndIgnoresBlankCollateralRows() {
        PortfolioMetadata.Checked checked = PortfolioMetadata.check(new MetadataInput("  Q4 book ", "2026-11-20",
                "broker_dealer", List.of(line("FUTURES", "US_TREASURY", "2500000", "2030-05-15"), line("", "", "", ""),
                        line("SECURITIES", "CASH_USD", "1000.5", null))), TODAY);
        assertEquals(List.of(), checked.errors());
        PortfolioMetadata m = checked.metadata();
        assertEquals("Q4 book", m.label());
        assertEquals(FirmCategory.BROKER_DEALER, m.firmCategory());
        assertEquals(2, m.collateral().size());
        assertEquals(Account.FUTURES, m.collateral().get(0).account);
        assertEquals(new BigDecimal("1000.50"), m.collateral().get(1).marketValue);
    }

    @Test
    void anAsOfDateAfterTodayByTheServerClockIsRefusedAndSaysWhichClock() {
        PortfolioMetadata.Checked checked = PortfolioMetadata.check(new MetadataInput("Book", "2026-11-22", "FCM",
                List.of()), TODAY);
        assertNull(checked.metadata());
        assertNull(checked.asOf());
        assertEquals(List.of("asOf 2026-11-22 is after today, 2026-11-21 by the server clock (UTC): a portfolio cannot"
                + " be as of a future date."), checked.errors().stream().map(UploadError::message).toList());
    }

    @Test
    void todayIsAValidAsOfDate() {
        assertEquals(TODAY, PortfolioMetadata.check(new MetadataInput("Book", "2026-11-21", "FCM", List.of()), TODAY)
                .metadata().asOf());
    }

    @Test
    void eachBadCollateralFieldIsNamedWithItsLine() {
        PortfolioMetadata.Checked checked = PortfolioMetadata.check(new MetadataInput("Book", "2026-11-20", "OTHER",
                List.of(line("FUTURES", "US_TREASURY", "-5", ""), line("SECURITIES", "GOLD", "1,000", "2030-01-01"),
                        line("", "CASH_USD", "10.123", "2030-01-01"))), TODAY);
        assertEquals(List.of(
                "collateral[1].marketValue|collateral[1].marketValue must be positive, got -5.",
                "collateral[1].maturity|collateral[1].maturity is required for US_TREASURY: the haircut depends on it.",
                "collateral[2].asset|'GOLD' is not a valid collateral[2].asset: expected one of CASH_USD, US_TREASURY,"
                        + " EQUITY, STABLECOIN, BITCOIN, ETHER.",
                "collateral[2].marketValue|'1,000' contains a comma: write 1000 if it is a thousands separator, or 1.000"
                        + " if it is a decimal comma (collateral[2].marketValue takes a point for decimals and no"
                        + " separators).",
                "collateral[3].account|collateral[3].account is required: one of SECURITIES, FUTURES.",
                "collateral[3].marketValue|collateral[3].marketValue is in USD: at most 2 decimals, got 10.123.",
                "collateral[3].maturity|collateral[3].maturity applies only to US_TREASURY and must be empty for"
                        + " CASH_USD."),
                checked.errors().stream().map(e -> e.column() + "|" + e.message()).toList());
    }

    @Test
    void aMaturedTreasuryIsRefused() {
        PortfolioMetadata.Checked checked = PortfolioMetadata.check(new MetadataInput("Book", "2026-11-20", "FCM",
                List.of(line("FUTURES", "US_TREASURY", "100", "2026-11-20"))), TODAY);
        assertEquals("collateral[1].maturity 2026-11-20 is not after the as-of date 2026-11-20: the Treasury has matured.",
                checked.errors().get(0).message());
    }

    @Test
    void aLabelThatIsAnEmailAddressIsAClientIdentifier() {
        PortfolioMetadata.Checked checked = PortfolioMetadata.check(new MetadataInput("jane.doe@example.com",
                "2026-11-20", "FCM", List.of()), TODAY);
        assertEquals(ErrorKind.CLIENT_IDENTIFIER, checked.errors().get(0).code());
    }

    @Test
    void missingFieldsAreEachNamed() {
        PortfolioMetadata.Checked checked = PortfolioMetadata.check(new MetadataInput(null, "", " ", null), TODAY);
        assertEquals(List.of("label", "asOf", "firmCategory"), checked.errors().stream().map(UploadError::column).toList());
    }
}
