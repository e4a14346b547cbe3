package org.marginconsult.margin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Methodology}: a requirement in USD cents, explained.
 *
 * <p>Figures:
 * <ul>
 * <li>{@code total}: the amount the portfolio requires, which is the initial requirement where the rule
 * distinguishes initial from maintenance (Reg T initial; SPAN initial = maintenance x 110% for
 * heightened-risk accounts). {@code initial} always equals {@code total}.</li>
 * <li>{@code maintenance}: the maintenance requirement (FINRA 4210 maintenance, SPAN maintenance);
 * equal to the total where the rule does not distinguish.</li>
 * <li>{@code saleProceeds}: strategy-based only, the proceeds of short option sales that may be
 * applied to the requirement, shown as their own figure and never netted into the total.</li>
 * </ul>
 *
 * <p>Invariants (checked on construction): every amount has scale 2 and was rounded HALF_UP once
 * (see {@link Money}); the breakdown lines add up to {@code total} exactly; the account lines add up
 * to {@code total}, {@code maintenance} and {@code saleProceeds} exactly; the total is not negative.
 *
 * <p>Sign convention for scenario P&amp;L: gain positive, everywhere ({@link PositionPnl});
 * requirements and {@link WorstScenario#loss()} are positive amounts of money.
 *
 * @param methodology    methodology id and version
 * @param parameterSet   parameter set id and version
 * @param inputHash      SHA-256 (hex) of the canonical inputs, see {@link InputHash}
 * @param asOf           valuation date
 * @param currency       always USD
 * @param total          the requirement (initial), scale 2
 * @param initial        equal to total
 * @param maintenance    maintenance requirement, scale 2
 * @param saleProceeds   sale proceeds that may be applied (strategy-based), zero otherwise, scale 2
 * @param accounts       one line per account (null account = combined cross-margin account)
 * @param breakdown      signed lines adding up to the total
 * @param worstScenarios for each scanned group, the scenario that set its scan risk with every position's P&amp;L
 * @param attribution    for proposals: the change from the siloed requirement by cause; null otherwise
 * @param warnings       things the user should know (e.g. unknown underlyings defaulted)
 */
public record MarginResult(
        VersionedId methodology,
        VersionedId parameterSet,
        String inputHash,
        LocalDate asOf,
        String currency,
        BigDecimal total,
        BigDecimal initial,
        BigDecimal maintenance,
        BigDecimal saleProceeds,
        List<AccountLine> accounts,
        List<BreakdownLine> breakdown,
        List<WorstScenario> worstScenarios,
        ChangeAttribution attribution,
        List<Warning> warnings) {

    /** Checks the invariants listed in the class comment. */
    public MarginResult {
        Objects.requireNonNull(methodology, "methodology");
        Objects.requireNonNull(parameterSet, "parameterSet");
        Objects.requireNonNull(inputHash, "inputHash");
        Objects.requireNonNull(asOf, "asOf");
        accounts = List.copyOf(accounts);
        breakdown = List.copyOf(breakdown);
        worstScenarios = List.copyOf(worstScenarios);
        warnings = List.copyOf(warnings);
        for (BigDecimal amount : List.of(total, initial, maintenance, saleProceeds)) {
            requireCents(amount);
        }
        if (total.signum() < 0) {
            throw new IllegalArgumentException("a requirement cannot be negative: " + total);
        }
        if (initial.compareTo(total) != 0) {
            throw new IllegalArgumentException("initial must equal total");
        }
        BigDecimal lines = BigDecimal.ZERO;
        for (BreakdownLine line : breakdown) {
            requireCents(line.amount());
            lines = lines.add(line.amount());
        }
        if (lines.compareTo(total) != 0) {
            throw new IllegalArgumentException("breakdown adds up to " + lines + ", not to the total " + total);
        }
        BigDecimal accTotal = BigDecimal.ZERO;
        BigDecimal accMaintenance = BigDecimal.ZERO;
        BigDecimal accProceeds = BigDecimal.ZERO;
        for (AccountLine a : accounts) {
            accTotal = accTotal.add(a.total());
            accMaintenance = accMaintenance.add(a.maintenance());
            accProceeds = accProceeds.add(a.saleProceeds());
        }
        if (accTotal.compareTo(total) != 0 || accMaintenance.compareTo(maintenance) != 0
                || accProceeds.compareTo(saleProceeds) != 0) {
            throw new IllegalArgumentException("account lines do not add up to the result's figures");
        }
        if (attribution != null && attribution.proposalTotal().compareTo(total) != 0) {
            throw new IllegalArgumentException("attribution does not end at the total");
        }
    }

    private static void requireCents(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.scale() != 2) {
            throw new IllegalArgumentException("amounts are in cents (scale 2): " + amount);
        }
    }

    /** The breakdown lines that recognise offsets or credits (negative amounts). */
    public List<BreakdownLine> offsets() {
        return breakdown.stream().filter(l -> l.kind().isOffset()).toList();
    }

    /** The breakdown lines that add charges on top of scenario risk. */
    public List<BreakdownLine> addOns() {
        return breakdown.stream().filter(l -> l.kind().isAddOn()).toList();
    }

    /**
     * The line of one account.
     *
     * @param account the account, or null for the combined cross-margin account
     * @return the line, or a zero line when the account holds nothing
     */
    public AccountLine account(Account account) {
        return accounts.stream().filter(a -> a.account() == account).findFirst()
                .orElse(new AccountLine(account, Money.ZERO, Money.ZERO, Money.ZERO));
    }

    /**
     * Starts a result; see {@link MarginResultBuilder}.
     *
     * @param methodology  methodology id and version
     * @param parameterSet parameter set id and version
     * @param inputHash    the input hash
     * @param asOf         valuation date
     * @return a builder
     */
    public static MarginResultBuilder builder(VersionedId methodology, VersionedId parameterSet, String inputHash,
            LocalDate asOf) {
        return new MarginResultBuilder(methodology, parameterSet, inputHash, asOf);
    }
}
