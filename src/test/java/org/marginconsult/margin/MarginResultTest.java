package org.marginconsult.margin;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class MarginResultTest {

    private static final VersionedId ID = new VersionedId("TEST", "1");

    private static MarginResult result(BigDecimal total, List<BreakdownLine> lines, List<AccountLine> accounts) {
        return new MarginResult(ID, ID, "h", LocalDate.of(2026, 11, 20), "USD", total, total, total, Money.ZERO,
                accounts, lines, List.of(), null, List.of());
    }

    private static BreakdownLine line(String amount) {
        return new BreakdownLine("G", GroupKind.ACCOUNT, Account.SECURITIES, LineKind.SCAN_RISK, "x",
                new BigDecimal(amount), List.of());
    }

    @Test
    void aBreakdownThatDoesNotAddUpIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> result(new BigDecimal("10.00"), List.of(line("9.99")),
                List.of(new AccountLine(Account.SECURITIES, new BigDecimal("10.00"), new BigDecimal("10.00"), Money.ZERO))));
    }

    @Test
    void amountsMustBeInCents() {
        assertThrows(IllegalArgumentException.class, () -> result(new BigDecimal("10.001"), List.of(line("10.001")),
                List.of(new AccountLine(Account.SECURITIES, new BigDecimal("10.001"), new BigDecimal("10.001"), Money.ZERO))));
    }

    @Test
    void accountsThatDoNotAddUpAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> result(new BigDecimal("10.00"), List.of(line("10.00")),
                List.of(new AccountLine(Account.SECURITIES, new BigDecimal("9.00"), new BigDecimal("10.00"), Money.ZERO))));
    }
}
