package org.marginconsult.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.marginconsult.impact.ImpactResult.GroupProfile;
import org.marginconsult.impact.ImpactResult.GroupWorst;
import org.marginconsult.impact.ImpactResult.ProposalImpact;
import org.marginconsult.margin.Money;
import org.marginconsult.web.Amounts;
import org.marginconsult.web.SvgCharts;
import org.marginconsult.web.SvgCharts.Chart;
import org.marginconsult.web.SvgCharts.Series;

/**
 * The result page's tables and charts, built from an {@link ImpactResult}: plain rows of text so the
 * templates only lay them out.
 */
public final class ImpactView {

    /** A table: column headings and rows. */
    public record Table(List<String> headers, List<Row> rows) {
    }

    /** A row: a heading cell (with an optional link) and value cells. */
    public record Row(String label, String link, List<Cell> cells) {
    }

    /** A value cell with its CSS classes (num, up, down). */
    public record Cell(String text, String css) {
    }

    /** An offset, credit or add-on line of a proposal. */
    public record LineRow(String proposal, String kind, String group, String description, String amount) {
    }

    /** An option of a select: value, label, selected. */
    public record Option(String value, String label, boolean selected) {
    }

    private ImpactView() {
    }

    public static String money(BigDecimal amount) {
        return Amounts.format(amount);
    }

    public static String signedMoney(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return (amount.signum() > 0 ? "+" : "") + money(amount);
    }

    public static String percent(BigDecimal p) {
        return p == null ? "n/a" : (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    private static String direction(BigDecimal change) {
        return change == null || change.signum() == 0 ? "num" : change.signum() > 0 ? "num up" : "num down";
    }

    /** Today and each proposal: total, change, change %. */
    public static Table summary(ImpactResult r) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Today (siloed: securities under " + r.provenance().securitiesRegime() + ", futures under SPAN)",
                null, List.of(new Cell(money(r.today().total()), "num"), new Cell("", "num"), new Cell("", "num"))));
        for (ProposalImpact p : r.proposals()) {
            rows.add(new Row(p.id() + ": " + p.title(), null, List.of(new Cell(money(p.total()), "num"),
                    new Cell(signedMoney(p.change()), direction(p.change())),
                    new Cell(percent(p.changePercent()), direction(p.change())))));
        }
        return new Table(List.of("Regime", "Total margin (USD)", "Change (USD)", "Change %"), rows);
    }

    /** Amounts of today and each proposal by account. */
    public static Table byAccount(ImpactResult r) {
        Set<String> keys = new LinkedHashSet<>(r.today().byAccount().keySet());
        r.proposals().forEach(p -> keys.addAll(p.byAccount().keySet()));
        return compare(r, keys, ImpactResult.Requirement::byAccount, ProposalImpact::byAccount, null, "Account");
    }

    /** Amounts of today and each proposal by risk group, each group linked to its drill-down. */
    public static Table byRiskGroup(ImpactResult r, long runId) {
        Set<String> keys = new java.util.TreeSet<>(r.today().byRiskGroup().keySet());
        r.proposals().forEach(p -> keys.addAll(p.byRiskGroup().keySet()));
        return compare(r, keys, ImpactResult.Requirement::byRiskGroup, ProposalImpact::byRiskGroup,
                "/impact-runs/" + runId + "/groups/", "Risk group");
    }

    private static Table compare(ImpactResult r, Set<String> keys,
            java.util.function.Function<ImpactResult.Requirement, Map<String, BigDecimal>> today,
            java.util.function.Function<ProposalImpact, Map<String, BigDecimal>> proposal, String linkPrefix,
            String heading) {
        List<String> headers = new ArrayList<>();
        headers.add(heading);
        headers.add("Today");
        for (ProposalImpact p : r.proposals()) {
            headers.add(p.id());
            headers.add(p.id() + " change");
        }
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            BigDecimal t = today.apply(r.today()).getOrDefault(key, Money.ZERO);
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(money(t), "num"));
            for (ProposalImpact p : r.proposals()) {
                BigDecimal v = proposal.apply(p).getOrDefault(key, Money.ZERO);
                cells.add(new Cell(money(v), "num"));
                cells.add(new Cell(signedMoney(v.subtract(t)), direction(v.subtract(t))));
            }
            boolean linkable = linkPrefix != null && !ImpactCalculator.PORTFOLIO_LEVEL.equals(key);
            rows.add(new Row(key, linkable ? linkPrefix + key : null, cells));
        }
        return new Table(headers, rows);
    }

    public static List<LineRow> offsets(ImpactResult r) {
        List<LineRow> rows = new ArrayList<>();
        for (ProposalImpact p : r.proposals()) {
            p.offsets().forEach(l -> rows.add(new LineRow(p.id(), l.kind(), l.group(), l.description(), money(l.amount()))));
        }
        return rows;
    }

    public static List<LineRow> addOns(ImpactResult r) {
        List<LineRow> rows = new ArrayList<>();
        for (ProposalImpact p : r.proposals()) {
            p.addOns().forEach(l -> rows.add(new LineRow(p.id(), l.kind(), l.group(), l.description(), money(l.amount()))));
        }
        return rows;
    }

    /** Collateral value today and under each proposal, with the liquidity released. */
    public static Table collateral(ImpactResult r) {
        if (r.today().collateral() == null) {
            return new Table(List.of(), List.of());
        }
        List<Row> rows = new ArrayList<>();
        var t = r.today().collateral();
        rows.add(new Row("Today", null, List.of(new Cell(money(t.marketValue()), "num"),
                new Cell(money(t.haircut()), "num"), new Cell(money(t.collateralValue()), "num"), new Cell("", "num"))));
        for (ProposalImpact p : r.proposals()) {
            var c = p.collateral();
            rows.add(new Row(p.id(), null, List.of(new Cell(money(c.marketValue()), "num"),
                    new Cell(money(c.haircut()), "num"), new Cell(money(c.collateralValue()), "num"),
                    new Cell(signedMoney(c.releasedVersusToday()), "num"))));
        }
        return new Table(List.of("Regime", "Market value", "Haircuts", "Collateral value", "Liquidity released"), rows);
    }

    /** Grouped bars of today and each proposal by risk group. */
    public static Chart riskGroupChart(ImpactResult r) {
        Table t = byRiskGroup(r, 0);
        List<String> groups = t.rows().stream().map(Row::label).toList();
        List<Series> series = new ArrayList<>();
        series.add(new Series("Today", groups.stream().map(g -> r.today().byRiskGroup().getOrDefault(g, Money.ZERO)
                .doubleValue()).toList()));
        for (ProposalImpact p : r.proposals()) {
            series.add(new Series(p.id(), groups.stream().map(g -> p.byRiskGroup().getOrDefault(g, Money.ZERO)
                    .doubleValue()).toList()));
        }
        return SvgCharts.groupedBars("chart-groups", "Margin by risk group: today and each proposal",
                "Grouped bars, one group of bars per risk group, one bar for today's siloed margin and one per proposal, in US dollars.",
                groups, series, ImpactView::compact);
    }

    /** The profile of one group under one proposal, or null if the run has none for them. */
    public static Chart profileChart(ImpactResult r, String proposal, String group) {
        GroupProfile profile = profile(r, proposal, group);
        if (profile == null) {
            return null;
        }
        boolean rates = profile.points().stream().anyMatch(p -> Math.abs(p.move()) >= 1);
        List<Double> xs = profile.points().stream().map(p -> p.move()).toList();
        List<Series> series = List.of(
                new Series("Securities account", profile.points().stream().map(p -> p.securities().doubleValue()).toList()),
                new Series("Futures account", profile.points().stream().map(p -> p.futures().doubleValue()).toList()),
                new Series("Both accounts", profile.points().stream().map(p -> p.combined().doubleValue()).toList()));
        return SvgCharts.lines("chart-profile", "Scenario P&L of " + profile.group() + " under " + profile.proposal(),
                "Profit or loss of the group's positions in each scenario of the proposal's grid, per account and combined, "
                        + "against the move of the driver " + profile.driver() + ".",
                xs, rates ? "yield shift (bp)" : "move of " + profile.driver(),
                rates ? v -> String.format(Locale.ROOT, "%+.0fbp", v) : v -> String.format(Locale.ROOT, "%+.1f%%", v * 100),
                series, ImpactView::compact);
    }

    public static GroupProfile profile(ImpactResult r, String proposal, String group) {
        return r.profiles().stream().filter(p -> p.proposal().equals(proposal) && p.group().equals(group)).findFirst()
                .orElse(null);
    }

    /** The total of the sensitivity proposal as its offset factor goes from 0% to 100%, or null. */
    public static Chart sensitivityChart(ImpactResult r) {
        if (r.sensitivity() == null) {
            return null;
        }
        List<Double> xs = r.sensitivity().points().stream().map(p -> p.offsetFactor().doubleValue()).toList();
        List<Series> series = List.of(
                new Series(r.sensitivity().proposal(), r.sensitivity().points().stream().map(p -> p.total().doubleValue()).toList()),
                new Series("Today", xs.stream().map(x -> r.today().total().doubleValue()).toList()));
        return SvgCharts.lines("chart-sensitivity", "Total margin of " + r.sensitivity().proposal()
                + " against the offset factor", "How the total requirement changes as the share of gains allowed to offset losses within a risk group goes from 0% to 100%; today's siloed total for reference.",
                xs, "offset factor", v -> String.format(Locale.ROOT, "%.0f%%", v * 100), series, ImpactView::compact);
    }

    /** Proposals that have profiles, as select options. */
    public static List<Option> profileProposals(ImpactResult r, String selected) {
        return r.profiles().stream().map(GroupProfile::proposal).distinct()
                .map(p -> new Option(p, p, p.equals(selected))).toList();
    }

    public static List<Option> profileGroups(ImpactResult r, String selected) {
        return r.profiles().stream().map(GroupProfile::group).distinct().sorted()
                .map(g -> new Option(g, g, g.equals(selected))).toList();
    }

    /** The worst scenarios of a risk group under today's rules and each proposal. */
    public static List<GroupWorst> worst(ImpactResult r, String riskGroup, String proposal) {
        List<GroupWorst> out = new ArrayList<>();
        if (proposal == null || proposal.isBlank() || proposal.equals("today")) {
            r.today().worstScenarios().stream().filter(w -> riskGroup.equals(w.riskGroup())).forEach(out::add);
        } else {
            ProposalImpact p = r.proposal(proposal);
            if (p != null) {
                p.worstScenarios().stream().filter(w -> riskGroup.equals(w.riskGroup())).forEach(out::add);
            }
        }
        return out;
    }

    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.1fB", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
