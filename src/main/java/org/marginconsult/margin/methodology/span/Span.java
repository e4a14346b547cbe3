package org.marginconsult.margin.methodology.span;

import org.marginconsult.margin.methodology.RuleMethodology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.Explanations;
import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.GroupKind;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.MarginResultBuilder;
import org.marginconsult.margin.Money;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.Warning;

/**
 * {@code SPAN}: the futures account's performance bond today, after CME SPAN (Standard Portfolio
 * Analysis of Risk; CME Group, "CME SPAN Methodology Overview" and "Components of SPAN"; L. McMillan,
 * <i>Options as a Strategic Investment</i>, ch. 34).
 *
 * <p>Positions of the futures account (futures, options on futures, Treasury futures, CFTC-regulated
 * crypto futures, perpetuals and options) are grouped by combined commodity (their underlying). Each is
 * scanned over CME's 16 scenarios ({@link CombinedCommodityRisk}); then inter-commodity spread credits
 * are given and the account's requirement assembled ({@link SpanAssessment}):
 * per combined commodity max(scan risk + intra-commodity charge + delivery-month charge -
 * inter-commodity credit, short option minimum) - net option value, floored at zero for the account;
 * initial = 110% of maintenance for heightened-risk-profile accounts. Every number comes from the
 * explicit {@link SpanParameters}; docs/methodology/span.md states the rule and the source of each
 * default.
 *
 * <p>Not modelled (stated in the docs): SPAN 2, scan-rate tiers, composite delta (today's Black-76
 * delta is used), tiered intra-commodity spreads, American early exercise, inverse contracts.
 *
 * <p>Stateless and thread-safe. Example: {@code new Span(SpanDefaults.parameters()).calculate(positions,
 * context)}; for a what-if, {@code new Span(SpanDefaults.parameters().withExtremeMove(3, 0.33))}.
 */
public final class Span extends RuleMethodology<SpanParameters> {

    /** Methodology id. */
    public static final String ID = "SPAN";
    /** Implementation version; changes whenever a result could change for the same inputs. */
    public static final String VERSION = "1";
    /** Warning code: a combined commodity missing from the parameter table was scanned with the fallback row. */
    public static final String FALLBACK_PARAMETERS = "SPAN_FALLBACK_PARAMETERS";

    /** Above this many positions the combined commodities are scanned in parallel. */
    private static final int PARALLEL_THRESHOLD = 20_000;

    /**
     * @param parameters the parameter set to apply
     */
    public Span(SpanParameters parameters) {
        super(ID, VERSION, parameters);
    }

    /** SPAN with the shipped parameter set ({@link SpanDefaults#parameters()}). */
    public static Span withDefaults() {
        return new Span(SpanDefaults.parameters());
    }

    @Override
    public MarginResult calculate(List<Position> positions, ValuationContext context) {
        SpanAssessment assessment = assess(positions, context);
        MarginResultBuilder result = resultBuilder(positions, context);
        addLines(assessment, result);
        return result.build();
    }

    /**
     * Runs SPAN without rounding and keeps every intermediate figure, including each combined
     * commodity's scenario P&amp;L per position (what a cross-margin calculation combines).
     *
     * @param positions the futures account's positions, any order
     * @param context   valuation date, rates, reference data
     * @return the assessment
     * @throws InvalidPortfolioException when a position is invalid or not held in the futures account
     * @throws IllegalArgumentException  when a parameter makes a scenario price zero or negative
     */
    public SpanAssessment assess(List<Position> positions, ValuationContext context) {
        Objects.requireNonNull(context, "context");
        PositionValidator.requireValid(positions, context.asOf());
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<Position>> byCode = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p.account() != Account.FUTURES) {
                errors.add(new FieldError(i, "account", "SPAN margins the FUTURES account; " + p.instrumentType()
                        + " in the " + p.account() + " account is margined by PORTFOLIO_MARGIN or STRATEGY_BASED"));
                continue;
            }
            byCode.computeIfAbsent(p.underlying().trim().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
        }
        if (!errors.isEmpty()) {
            throw new InvalidPortfolioException(errors);
        }
        Stream<Map.Entry<String, List<Position>>> groups = positions.size() > PARALLEL_THRESHOLD
                ? sortedEntries(byCode).parallelStream() : sortedEntries(byCode).stream();
        List<CombinedCommodityRisk> scans = groups.map(e -> {
            List<Position> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparing(Position::positionId));
            return CombinedCommodityRisk.scan(e.getKey(), sorted, parameters, context);
        }).toList();
        return new SpanAssessment(parameters, scans);
    }

    private void addLines(SpanAssessment a, MarginResultBuilder result) {
        Account acc = Account.FUTURES;
        GroupKind kind = GroupKind.COMBINED_COMMODITY;
        List<Warning> warnings = new ArrayList<>();
        for (int k = 0; k < a.combinedCommodities().size(); k++) {
            CombinedCommodityRisk cc = a.combinedCommodities().get(k);
            SpanAssessment.CombinedCommodityRequirement req = a.requirements().get(k);
            CombinedCommodityParameters p = cc.parameters();
            String code = cc.code();
            if (cc.usesFallback()) {
                warnings.add(new Warning(FALLBACK_PARAMETERS, code, String.format(Locale.ROOT,
                        "combined commodity %s is not in SPAN parameter set %s: scanned with the fallback range of"
                                + " %s of the front contract's value ($%,.2f per contract); supply its parameters"
                                + " as an override", code, parameters.parameterSetId(),
                        Explanations.percent(parameters.fallbackPriceScanFraction()), cc.priceScanRange())));
            }
            result.line(code, kind, acc, LineKind.SCAN_RISK, String.format(Locale.ROOT,
                    "SPAN scan risk: largest weighted loss of the 16 scenarios (%s), price scan range $%,.2f per"
                            + " contract (%s of the front contract), volatility scan %s %s",
                    cc.worstScenario().label(), cc.priceScanRange(),
                    Explanations.percent(cc.priceScanRange() / (cc.referencePrice() * p.contractMultiplier())),
                    Explanations.percent(parameters.volatilityShocks() ? p.volatilityScanRange() : 0),
                    p.volatilityScanMode().name().toLowerCase(Locale.ROOT)), req.scanRisk(), cc.positionIds());
            if (req.intraSpreadCharge() > 0) {
                result.line(code, kind, acc, LineKind.SPREAD_CHARGE, String.format(Locale.ROOT,
                        "intra-commodity (calendar) spread charge: %s spreads x %s of the scan range",
                        number(cc.spreads()), Explanations.percent(p.intraSpreadRate())), req.intraSpreadCharge(),
                        cc.positionIds());
            }
            if (req.deliveryCharge() > 0) {
                result.line(code, kind, acc, LineKind.DELIVERY_CHARGE, String.format(Locale.ROOT,
                        "delivery-month charge: %s contracts within %d days of expiry x %s of the scan range",
                        number(cc.deliveryDelta()), p.deliveryWindowDays(), Explanations.percent(p.deliveryMonthRate())),
                        req.deliveryCharge(), cc.positionIds());
            }
            if (req.interCommodityCredit() > 0) {
                result.line(code, kind, acc, LineKind.CREDIT, "inter-commodity spread credit: "
                        + creditDescription(a, code), -req.interCommodityCredit(), List.of());
            }
            if (req.shortOptionMinimumUplift() > 0) {
                result.line(code, kind, acc, LineKind.SHORT_OPTION_MINIMUM, String.format(Locale.ROOT,
                        "short option minimum $%,.2f (max(%s short calls, %s short puts) x %s of the scan range)"
                                + " exceeds the risk it replaces",
                        req.shortOptionMinimum(), number(cc.shortCalls()), number(cc.shortPuts()),
                        Explanations.percent(p.shortOptionMinimumRate())), req.shortOptionMinimumUplift(), cc.positionIds());
            }
            if (req.netOptionValue() != 0) {
                result.line(code, kind, acc, LineKind.NET_OPTION_VALUE,
                        "net option value at the marks (long options reduce, short options add to the requirement)",
                        -req.netOptionValue(), List.of());
            }
            result.worstScenario(code, kind, acc, cc.worstScenarioIndex(), cc.worstScenario(), cc.positionIds(),
                    cc.scenarioColumn(cc.worstScenarioIndex()));
        }
        if (a.netOptionValueBeyondRisk() > 0) {
            result.line(acc.name(), GroupKind.ACCOUNT, acc, LineKind.FLOOR,
                    "the requirement is floored at zero: long option value beyond all risk is not paid out",
                    a.netOptionValueBeyondRisk(), List.of());
        }
        if (a.initial() > a.maintenance()) {
            result.line(acc.name(), GroupKind.ACCOUNT, acc, LineKind.INITIAL_UPLIFT, String.format(Locale.ROOT,
                    "initial = %s of maintenance for a heightened-risk-profile account",
                    Explanations.percent(parameters.hrpInitialRatio())), a.initial() - a.maintenance(), List.of());
        }
        result.maintenance(acc, Money.exact(a.maintenance()));
        result.warnings(warnings);
    }

    private static String creditDescription(SpanAssessment a, String code) {
        StringBuilder sb = new StringBuilder();
        for (SpanAssessment.SpreadCredit c : a.credits()) {
            InterCommoditySpread s = c.spread();
            if (!s.legA().equals(code) && !s.legB().equals(code)) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            if (s.style() == InterCommoditySpread.Style.PERCENTAGE) {
                sb.append(String.format(Locale.ROOT, "%s, %s spreads at %s of both legs' outright margins",
                        s.name(), number(c.spreads()), Explanations.percent(s.rate())));
            } else {
                sb.append(String.format(Locale.ROOT, "%s scanned together, gains offsetting losses at %s",
                        s.name(), Explanations.percent(s.rate())));
            }
        }
        return sb.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+$", "");
    }

    /** Groups in key order: a hash map groups a large book faster than a sorted map, and sorting the keys once keeps results in a fixed order. */
    private static List<Map.Entry<String, List<Position>>> sortedEntries(Map<String, List<Position>> groups) {
        List<Map.Entry<String, List<Position>>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }
}
