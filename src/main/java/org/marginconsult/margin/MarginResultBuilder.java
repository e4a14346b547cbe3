package org.marginconsult.margin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.marginconsult.margin.scenario.Scenario;

/**
 * Assembles a {@link MarginResult} from exact (unrounded) amounts and does the rounding once, as
 * {@link Money} describes: the total is the exact sum of the lines rounded HALF_UP to the cent, and the
 * rounded lines are reconciled to it by the largest remainder method. Account totals are the sums of
 * their rounded lines, so everything adds up to the cent.
 *
 * <p>Not thread-safe; one builder per calculation.
 */
public final class MarginResultBuilder {

    private record ExactLine(String group, GroupKind groupKind, Account account, LineKind kind, String description,
            BigDecimal amount, List<String> positionIds) {
    }

    private record ExactScenario(String group, GroupKind groupKind, Account account, int scenarioIndex,
            Scenario scenario, List<String> positionIds, double[] positionPnl) {
    }

    private final VersionedId methodology;
    private final VersionedId parameterSet;
    private final String inputHash;
    private final LocalDate asOf;
    private final List<ExactLine> lines = new ArrayList<>();
    private final List<ExactScenario> scenarios = new ArrayList<>();
    private final List<WorstScenario> roundedScenarios = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final Map<Account, BigDecimal> maintenance = new LinkedHashMap<>();
    private final Map<Account, BigDecimal> saleProceeds = new LinkedHashMap<>();
    private ChangeAttribution attribution;

    MarginResultBuilder(VersionedId methodology, VersionedId parameterSet, String inputHash, LocalDate asOf) {
        this.methodology = Objects.requireNonNull(methodology);
        this.parameterSet = Objects.requireNonNull(parameterSet);
        this.inputHash = Objects.requireNonNull(inputHash);
        this.asOf = Objects.requireNonNull(asOf);
    }

    /**
     * Adds a breakdown line with an exact amount.
     *
     * @param group       group identifier
     * @param groupKind   how the group is formed
     * @param account     the account, or null for the combined cross-margin account
     * @param kind        what the amount is
     * @param description explanation with the rule applied
     * @param exactAmount signed exact amount (negative for offsets and credits)
     * @param positionIds the positions concerned
     * @return this builder
     */
    public MarginResultBuilder line(String group, GroupKind groupKind, Account account, LineKind kind,
            String description, BigDecimal exactAmount, List<String> positionIds) {
        lines.add(new ExactLine(group, groupKind, account, kind, description, exactAmount, List.copyOf(positionIds)));
        return this;
    }

    /**
     * Adds a breakdown line with an amount computed in double (its exact binary value is used).
     *
     * @return this builder
     * @see #line(String, GroupKind, Account, LineKind, String, BigDecimal, List)
     */
    public MarginResultBuilder line(String group, GroupKind groupKind, Account account, LineKind kind,
            String description, double exactAmount, List<String> positionIds) {
        return line(group, groupKind, account, kind, description, Money.exact(exactAmount), positionIds);
    }

    /**
     * Sets an account's exact maintenance requirement; accounts without one have maintenance equal to their total.
     *
     * @param account the account (null = combined)
     * @param exact   exact maintenance amount, not negative
     * @return this builder
     */
    public MarginResultBuilder maintenance(Account account, BigDecimal exact) {
        maintenance.put(account, exact);
        return this;
    }

    /**
     * Sets an account's exact sale proceeds that may be applied (strategy-based), shown and never netted.
     *
     * @param account the account
     * @param exact   exact proceeds, not negative
     * @return this builder
     */
    public MarginResultBuilder saleProceeds(Account account, BigDecimal exact) {
        saleProceeds.put(account, exact);
        return this;
    }

    /**
     * Records the scenario that set a group's scan risk, with each position's weighted P&amp;L (gain positive).
     *
     * @param group         group id
     * @param groupKind     how the group is formed
     * @param account       the account, or null for combined
     * @param scenarioIndex index of the scenario in its grid
     * @param scenario      the scenario
     * @param positionIds   the group's positions
     * @param positionPnl   each position's weighted P&amp;L in that scenario, same order (not copied: do not change it)
     * @return this builder
     * @see WorstScenario#of
     */
    public MarginResultBuilder worstScenario(String group, GroupKind groupKind, Account account, int scenarioIndex,
            Scenario scenario, List<String> positionIds, double[] positionPnl) {
        if (positionIds.size() != positionPnl.length) {
            throw new IllegalArgumentException("one P&L per position");
        }
        scenarios.add(new ExactScenario(group, groupKind, account, scenarioIndex, scenario, positionIds,
                positionPnl));
        return this;
    }

    /**
     * Carries over a worst scenario already rounded by another result (e.g. a siloed result reproduced
     * inside a proposal's result).
     *
     * @param scenario the worst scenario, as it was reported
     * @return this builder
     */
    public MarginResultBuilder worstScenario(WorstScenario scenario) {
        roundedScenarios.add(scenario);
        return this;
    }

    /**
     * Adds warnings.
     *
     * @param more the warnings
     * @return this builder
     */
    public MarginResultBuilder warnings(List<Warning> more) {
        warnings.addAll(more);
        return this;
    }

    /**
     * Sets the change attribution of a proposal.
     *
     * @param value the attribution
     * @return this builder
     */
    public MarginResultBuilder attribution(ChangeAttribution value) {
        this.attribution = value;
        return this;
    }

    /**
     * Rounds and assembles the result.
     *
     * @return the result
     * @throws IllegalArgumentException if the total is negative
     */
    public MarginResult build() {
        List<BigDecimal> exactAmounts = lines.stream().map(ExactLine::amount).toList();
        List<BigDecimal> rounded = Money.allocate(exactAmounts);
        BigDecimal total = Money.ZERO;
        List<BreakdownLine> breakdown = new ArrayList<>();
        Map<Account, BigDecimal> accountTotals = new LinkedHashMap<>();
        for (Account a : Account.values()) {
            accountTotals.put(a, null);
        }
        accountTotals.put(null, null);
        for (int i = 0; i < lines.size(); i++) {
            ExactLine l = lines.get(i);
            BigDecimal amount = rounded.get(i);
            breakdown.add(new BreakdownLine(l.group(), l.groupKind(), l.account(), l.kind(), l.description(), amount,
                    l.positionIds()));
            total = total.add(amount);
            accountTotals.merge(l.account(), amount, (a, b) -> a == null ? b : a.add(b));
        }
        for (Account a : maintenance.keySet()) {
            accountTotals.putIfAbsent(a, Money.ZERO);
        }
        List<AccountLine> accounts = new ArrayList<>();
        BigDecimal totalMaintenance = Money.ZERO;
        BigDecimal totalProceeds = Money.ZERO;
        for (Map.Entry<Account, BigDecimal> e : accountTotals.entrySet()) {
            boolean present = e.getValue() != null || maintenance.containsKey(e.getKey())
                    || saleProceeds.containsKey(e.getKey());
            if (!present) {
                continue;
            }
            BigDecimal accTotal = e.getValue() == null ? Money.ZERO : e.getValue();
            BigDecimal accMaintenance = maintenance.containsKey(e.getKey())
                    ? Money.cents(maintenance.get(e.getKey())) : accTotal;
            BigDecimal accProceeds = saleProceeds.containsKey(e.getKey())
                    ? Money.cents(saleProceeds.get(e.getKey())) : Money.ZERO;
            accounts.add(new AccountLine(e.getKey(), accTotal, accMaintenance, accProceeds));
            totalMaintenance = totalMaintenance.add(accMaintenance);
            totalProceeds = totalProceeds.add(accProceeds);
        }
        List<WorstScenario> worst = new ArrayList<>();
        for (ExactScenario s : scenarios) {
            worst.add(WorstScenario.of(s.group(), s.groupKind(), s.account(), s.scenarioIndex(), s.scenario(),
                    s.positionIds(), s.positionPnl()));
        }
        worst.addAll(roundedScenarios);
        return new MarginResult(methodology, parameterSet, inputHash, asOf, Position.USD, total, total,
                totalMaintenance, totalProceeds, accounts, breakdown, worst, attribution, warnings);
    }
}
