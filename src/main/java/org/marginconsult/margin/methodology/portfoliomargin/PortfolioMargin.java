package org.marginconsult.margin.methodology.portfoliomargin;

import org.marginconsult.margin.methodology.RuleMethodology;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.Explanations;
import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.GroupKind;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.MarginResultBuilder;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.VolShiftKind;

/**
 * {@code PORTFOLIO_MARGIN}: the securities account under FINRA Rule 4210(g) (portfolio margin), with
 * the theoretical revaluation OCC provides brokers through TIMS / Customer Portfolio Margin.
 *
 * <p>Every position is revalued at ten equidistant moves of its underlying (five down, five up, no zero
 * point) over its product class's range (-8%/+6% high-cap broad-based index, +/-10% other broad-based
 * index, +/-15% narrow-based indices, equities and other ETFs: SEC Release 34-46576). Positions on one
 * underlying form a class group and offset fully ({@link ClassGroupRisk}); class groups of an index
 * product class form a product group whose gains offset losses at 90% / 75% / 50%
 * (17 CFR 240.15c3-1a(b)(1)(v)(C), a documented default; {@link ProductGroupRisk}); each option contract carries a
 * minimum of $0.375 x multiplier. Options are valued with generalised Black-Scholes-Merton at their
 * implied vol (European; American early exercise is out of scope). 4210(g) sets one requirement:
 * initial = maintenance. Details and sources: docs/methodology/portfolio-margin.md.
 *
 * <p>Treasuries are not margined on 4210(g)'s grid: a portfolio-margin account carries them under the
 * strategy-based rule for US government obligations (FINRA Rule 4210(e)(2)(A): 1% to 6% of market value
 * by remaining maturity, parameters). Positions of the futures account are refused with a field error.
 *
 * <p>Stateless and thread-safe. Example: {@code PortfolioMargin.withDefaults().calculate(positions,
 * context)}; a what-if: {@code new PortfolioMargin(PortfolioMarginParameters.defaults().withVolatilityShift(0.25))}.
 */
public final class PortfolioMargin extends RuleMethodology<PortfolioMarginParameters> {

    /** Methodology id. */
    public static final String ID = "PORTFOLIO_MARGIN";
    /** Implementation version; changes whenever a result could change for the same inputs. */
    public static final String VERSION = "1";

    private static final int PARALLEL_THRESHOLD = 20_000;

    private final Map<ProductClass, ScenarioGrid> grids;

    /**
     * @param parameters the parameter set to apply
     */
    public PortfolioMargin(PortfolioMarginParameters parameters) {
        super(ID, VERSION, parameters);
        EnumMap<ProductClass, ScenarioGrid> g = new EnumMap<>(ProductClass.class);
        for (ProductClass c : ProductClass.values()) {
            g.put(c, grid(parameters, c));
        }
        this.grids = g;
    }

    /** Portfolio margin with the shipped parameters ({@link PortfolioMarginParameters#defaults()}). */
    public static PortfolioMargin withDefaults() {
        return new PortfolioMargin(PortfolioMarginParameters.defaults());
    }

    /**
     * The valuation points of a product class under the given parameters: the grid every class group of
     * that class is revalued on (a cross-margin calculation on "the account's own grid" uses this one).
     *
     * @param parameters   the parameters
     * @param productClass the product class
     * @return the grid: 2 x pointsPerSide points, twice that with a volatility shift
     */
    public static ScenarioGrid grid(PortfolioMarginParameters parameters, ProductClass productClass) {
        PortfolioMarginParameters.PriceRange range = parameters.range(productClass);
        double v = parameters.volatilityShift();
        double[] volShifts = v > 0 ? new double[] {v, -v} : new double[] {0.0};
        return ScenarioGrid.priceRange("PM " + productClass, range.down(), range.up(), parameters.pointsPerSide(),
                false, volShifts, VolShiftKind.RELATIVE, 0, 1, parameters.timeDecayDays());
    }

    @Override
    public MarginResult calculate(List<Position> positions, ValuationContext context) {
        PortfolioMarginAssessment a = assess(positions, context);
        MarginResultBuilder result = resultBuilder(positions, context);
        Account acc = Account.SECURITIES;
        for (ProductGroupRisk pg : a.productGroups()) {
            for (ClassGroupRisk g : pg.classGroups()) {
                var range = parameters.range(g.productClass());
                result.line(g.underlying(), GroupKind.CLASS_GROUP, acc, LineKind.SCAN_RISK, String.format(Locale.ROOT,
                        "largest net loss over %d valuation points from -%s to +%s (%s): %s", g.grid().size(),
                        Explanations.percent(range.down()), Explanations.percent(range.up()), g.productClass(), g.worstScenario().label()),
                        g.scanRisk(), g.positionIds());
                if (g.minimum() > g.scanRisk()) {
                    result.line(g.underlying(), GroupKind.CLASS_GROUP, acc, LineKind.MINIMUM_CHARGE,
                            String.format(Locale.ROOT, "per-contract minimum of $%s x multiplier per option contract"
                                    + " ($%,.2f) exceeds the largest loss", parameters.minimumPerContract(),
                                    g.minimum()), g.minimum() - g.scanRisk(), g.positionIds());
                }
                result.worstScenario(g.underlying(), GroupKind.CLASS_GROUP, acc, g.worstScenarioIndex(),
                        g.worstScenario(), g.positionIds(), g.scenarioColumn(g.worstScenarioIndex()));
            }
            if (pg.classGroups().size() > 1) {
                double offset = pg.offsetAmount();
                if (offset != 0) {
                    result.line(pg.id(), GroupKind.PRODUCT_GROUP, acc, LineKind.OFFSET, String.format(Locale.ROOT,
                            "product group offset: %s of gains in one class group offset losses in another at the"
                                    + " same point (worst: %s, group loss $%,.2f)",
                            Explanations.percent(pg.offset()), pg.classGroups().get(0).grid().scenarios()
                                    .get(pg.worstScenario()).label(), pg.scanRisk()),
                            offset, List.of());
                }
                List<String> ids = new ArrayList<>();
                int n = 0;
                for (ClassGroupRisk g : pg.classGroups()) {
                    n += g.positionIds().size();
                }
                double[] pnl = new double[n];
                int k = 0;
                for (ClassGroupRisk g : pg.classGroups()) {
                    ids.addAll(g.positionIds());
                    double[] column = g.scenarioColumn(pg.worstScenario());
                    System.arraycopy(column, 0, pnl, k, column.length);
                    k += column.length;
                }
                result.worstScenario(pg.id(), GroupKind.PRODUCT_GROUP, acc, pg.worstScenario(),
                        pg.classGroups().get(0).grid().scenarios().get(pg.worstScenario()), ids, pnl);
            }
        }
        Map<String, List<PortfolioMarginAssessment.TreasuryCharge>> byBucket = new TreeMap<>();
        for (PortfolioMarginAssessment.TreasuryCharge t : a.treasuries()) {
            byBucket.computeIfAbsent(t.position().underlying(), k -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<PortfolioMarginAssessment.TreasuryCharge>> e : byBucket.entrySet()) {
            double charge = 0;
            List<String> ids = new ArrayList<>();
            for (PortfolioMarginAssessment.TreasuryCharge t : e.getValue()) {
                charge += t.charge();
                ids.add(t.position().positionId());
            }
            result.line(e.getKey(), GroupKind.STRATEGY, acc, LineKind.STRATEGY_REQUIREMENT, String.format(Locale.ROOT,
                    "Treasuries are outside 4210(g)'s grid: strategy-based charge of 1%%-6%% of market value by"
                            + " remaining maturity (FINRA 4210(e)(2)(A)), %d position(s)", ids.size()), charge, ids);
        }
        result.warnings(context.referenceData().warnings(positions));
        return result.build();
    }

    /**
     * Runs portfolio margin without rounding and keeps every intermediate figure, including each class
     * group's P&amp;L per position and point.
     *
     * @param positions the securities account's positions, any order
     * @param context   valuation date, rates, reference data
     * @return the assessment
     * @throws InvalidPortfolioException when a position is invalid or not in the securities account
     */
    public PortfolioMarginAssessment assess(List<Position> positions, ValuationContext context) {
        Objects.requireNonNull(context, "context");
        PositionValidator.requireValid(positions, context.asOf());
        List<FieldError> errors = new ArrayList<>();
        List<Position> treasuryPositions = new ArrayList<>();
        Map<String, List<Position>> byUnderlying = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p.account() != Account.SECURITIES) {
                errors.add(new FieldError(i, "account", "PORTFOLIO_MARGIN margins the SECURITIES account; "
                        + p.instrumentType() + " in the " + p.account() + " account is margined by SPAN"));
            } else if (p.instrumentType() == InstrumentType.TREASURY) {
                treasuryPositions.add(p);
            } else {
                byUnderlying.computeIfAbsent(p.underlying(), k -> new ArrayList<>()).add(p);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidPortfolioException(errors);
        }
        Stream<Map.Entry<String, List<Position>>> entries = positions.size() > PARALLEL_THRESHOLD
                ? sortedEntries(byUnderlying).parallelStream() : sortedEntries(byUnderlying).stream();
        List<ClassGroupRisk> classGroups = entries.map(e -> {
            ProductClass c = context.referenceData().resolve(e.getKey()).productClass();
            List<Position> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparing(Position::positionId));
            return ClassGroupRisk.scan(e.getKey(), c, sorted, grids.get(c), parameters.minimumPerContract(), context);
        }).toList();

        Map<String, List<ClassGroupRisk>> members = new TreeMap<>();
        for (ClassGroupRisk g : classGroups) {
            String key = parameters.formsProductGroup(g.productClass()) ? g.productClass().name() : g.underlying();
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        List<ProductGroupRisk> productGroups = new ArrayList<>(members.size());
        double requirement = 0;
        for (Map.Entry<String, List<ClassGroupRisk>> e : members.entrySet()) {
            ProductClass c = e.getValue().get(0).productClass();
            double offset = parameters.productGroupOffset().getOrDefault(c, 0.0);
            ProductGroupRisk pg = ProductGroupRisk.of(e.getKey(), c, offset, e.getValue());
            productGroups.add(pg);
            requirement += pg.requirement();
        }
        treasuryPositions.sort(Comparator.comparing(Position::positionId));
        List<PortfolioMarginAssessment.TreasuryCharge> treasuries = new ArrayList<>(treasuryPositions.size());
        for (Position p : treasuryPositions) {
            double years = ChronoUnit.DAYS.between(context.asOf(), p.expiry()) / 365.0;
            double rate = parameters.treasuryRate(years);
            double charge = rate * Math.abs(p.exposureFactor() * p.price().doubleValue());
            treasuries.add(new PortfolioMarginAssessment.TreasuryCharge(p, years, rate, charge));
            requirement += charge;
        }
        return new PortfolioMarginAssessment(parameters, classGroups, productGroups, treasuries, requirement);
    }

    /** Groups in key order: a hash map groups a large book faster than a sorted map, and sorting the keys once keeps results in a fixed order. */
    private static List<Map.Entry<String, List<Position>>> sortedEntries(Map<String, List<Position>> groups) {
        List<Map.Entry<String, List<Position>>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }
}
