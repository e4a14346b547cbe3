package org.marginconsult.margin.methodology.cross;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.AccountLine;
import org.marginconsult.margin.BreakdownLine;
import org.marginconsult.margin.ChangeAttribution;
import org.marginconsult.margin.Explanations;
import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.GroupKind;
import org.marginconsult.margin.InputHash;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.MarginResultBuilder;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Money;
import org.marginconsult.margin.ParameterSet;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.VersionedId;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.WorstScenario;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.reference.UnderlyingReference;
import org.marginconsult.margin.scenario.Scenario;
import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.ScenarioRevaluer;

/**
 * {@code CROSS_MARGIN}: the harmonised cross-margin regime on which the 2026 joint SEC/CFTC request for
 * comment consults, as a family of proposals ({@link CrossMarginProposal}). It generalises existing
 * cross-margining arrangements (OCC-CME since 1989, FICC-CME Treasury cross-margining: one model over
 * the combined positions) to every product of both accounts. Rule, parameters and sources:
 * docs/methodology/cross-margin.md.
 *
 * <p>With {@link GridMode#RISK_GROUP_GRIDS}:
 * <ol>
 * <li>Positions of both accounts are grouped into risk groups (reference data: e.g. SPX, XSP, SPY, ES,
 * MES are the US large-cap group, driven by SPX). Each group is revalued over one grid on its driver
 * ({@link GroupGrid}); an underlying moves by its beta times the driver's move; rates buckets by dv01
 * under yield shifts.</li>
 * <li>In each scenario, each account's P&amp;L in the group is netted (full offset inside an account);
 * between the two accounts, loss = loss side - f x gain side, where the loss side is the sum of the
 * losing accounts' losses and the gain side the sum of the gaining accounts' gains. The group's
 * requirement is the largest such loss over the grid (weighted), and not below zero. The breakdown shows
 * each account's own scan on the group's grid and the offset as the (non-positive) difference.</li>
 * <li>Inter-group credits ({@link GroupCredit}) between groups at risk in opposite directions.</li>
 * <li>Per group, the requirement after credits is raised to the minimum per-contract charge; the
 * concentration add-on is added.</li>
 * <li>The total is raised to {@code floorShare} x the siloed total (savings cap).</li>
 * </ol>
 * With {@link GridMode#OWN_GRIDS} each account is margined by its own methodology exactly as today
 * (the securities account by the caller's choice of PORTFOLIO_MARGIN or STRATEGY_BASED, the futures
 * account by SPAN), plus any concentration add-on and floor; with no add-on this reproduces the
 * siloed total to the cent.
 *
 * <p>Every result carries a {@link ChangeAttribution}: siloed total, then the change from margining on
 * the proposal's grids (each account scanned on its own on the group grids, no offset), the change from
 * offsets (combining the accounts per scenario with factor f, and credits), from minimums and add-ons,
 * and from the floor. Note that combining the accounts in common scenarios recognises, even with f = 0,
 * that both accounts cannot suffer their own worst scenario at once; that effect is counted as an
 * offset.
 *
 * <p>Stateless and thread-safe; risk groups are scanned in parallel.
 */
public final class CrossMargin implements Methodology {

    /** Methodology id. */
    public static final String ID = "CROSS_MARGIN";
    /** Implementation version. */
    public static final String VERSION = "1";

    private final CrossMarginProposal proposal;
    private final Methodology securitiesToday;
    private final Methodology futuresToday;

    /**
     * @param proposal        the proposal's parameters
     * @param securitiesToday the securities account's methodology today (PORTFOLIO_MARGIN or STRATEGY_BASED)
     * @param futuresToday    the futures account's methodology today (SPAN)
     */
    public CrossMargin(CrossMarginProposal proposal, Methodology securitiesToday, Methodology futuresToday) {
        this.proposal = Objects.requireNonNull(proposal, "proposal");
        this.securitiesToday = Objects.requireNonNull(securitiesToday, "securitiesToday");
        this.futuresToday = Objects.requireNonNull(futuresToday, "futuresToday");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public CrossMarginProposal parameters() {
        return proposal;
    }

    @Override
    public MarginResult calculate(List<Position> positions, ValuationContext context) {
        PositionValidator.requireValid(positions, context.asOf());
        return calculate(positions, context, SiloedBaseline.of(positions, context, securitiesToday, futuresToday));
    }

    /**
     * Computes the proposal's requirement against a siloed baseline computed beforehand (so that several
     * proposals share one baseline).
     *
     * @param positions the portfolio, both accounts, any order
     * @param context   valuation context
     * @param baseline  the siloed results of the same positions under this instance's account methodologies
     * @return the result with its change attribution
     */
    public MarginResult calculate(List<Position> positions, ValuationContext context, SiloedBaseline baseline) {
        return calculate(prepare(positions, context), baseline, new ConcurrentHashMap<>(), true);
    }

    /**
     * Validates and groups a portfolio once, for several proposals ({@link ImpactStudy}).
     *
     * @param positions the portfolio
     * @param context   valuation context
     * @return the prepared portfolio
     * @throws InvalidPortfolioException when a position is invalid
     */
    static Prepared prepare(List<Position> positions, ValuationContext context) {
        PositionValidator.requireValid(positions, context.asOf());
        Map<String, GroupInput> groups = group(positions, context.referenceData());
        return new Prepared(positions, context, groups, InputHash.positionsDigest(positions),
                context.referenceData().warnings(positions));
    }

    /**
     * The proposal's result on a prepared portfolio; group revaluations are taken from, and added to, a
     * cache shared by proposals that give a group the same grid. Without worst-scenario reports the result
     * lists no worst scenarios (and no position is revalued for them); every amount is the same.
     */
    MarginResult calculate(Prepared prepared, SiloedBaseline baseline, Map<RevaluationKey, GroupRevaluation> revaluations,
            boolean worstReports) {
        ValuationContext context = prepared.context();
        String hash = InputHash.of(prepared.positionsDigest(), methodologyId(),
                new HashedParameters(proposal, securitiesToday, futuresToday), context);
        MarginResultBuilder result = MarginResult.builder(methodologyId(), proposal.parameterSetId(), hash,
                context.asOf());
        result.warnings(prepared.warnings());
        for (MarginResult r : baseline.results()) {
            result.warnings(r.warnings());
        }
        if (proposal.parameters().gridMode() == GridMode.OWN_GRIDS) {
            return ownGrids(prepared.groups(), baseline, result);
        }
        return riskGroupGrids(prepared.groups(), context, baseline, result, revaluations, worstReports);
    }

    /** A validated, grouped portfolio with its positions' digest. */
    record Prepared(List<Position> positions, ValuationContext context, Map<String, GroupInput> groups,
            byte[] positionsDigest, List<Warning> warnings) {
    }

    /** What makes two revaluations of a group identical: the group and its grid. */
    record RevaluationKey(String group, GroupGrid grid) {
    }

    /** A group revalued over its grid, shared by every proposal with that grid for the group. */
    record GroupRevaluation(GroupInput input, ScenarioGrid grid, double[] securities, double[] futures,
            boolean hasSecurities, boolean hasFutures, double[] today, double direction,
            Map<Integer, WorstScenario> worstReports) {
    }

    private MarginResult ownGrids(Map<String, GroupInput> groups, SiloedBaseline baseline, MarginResultBuilder result) {
        CrossMarginParameters params = proposal.parameters();
        List<BigDecimal> addOns = new ArrayList<>();
        for (MarginResult r : baseline.results()) {
            for (BreakdownLine l : r.breakdown()) {
                result.line(l.group(), l.groupKind(), l.account(), l.kind(), l.description(), l.amount(),
                        l.positionIds());
            }
            for (AccountLine a : r.accounts()) {
                result.maintenance(a.account(), a.maintenance());
                if (a.saleProceeds().signum() != 0) {
                    result.saleProceeds(a.account(), a.saleProceeds());
                }
            }
            for (WorstScenario w : r.worstScenarios()) {
                result.worstScenario(w);
            }
        }
        BigDecimal subtotal = baseline.total();
        for (GroupInput g : groups.values()) {
            double addOn = params.concentration().addOn(g.grossExposure());
            if (addOn > 0) {
                BigDecimal exact = Money.exact(addOn);
                addOns.add(exact);
                subtotal = subtotal.add(exact);
                result.line(g.id(), GroupKind.RISK_GROUP, null, LineKind.ADD_ON, concentrationText(g, params),
                        exact, g.positionIds());
            }
        }
        BigDecimal floor = floor(baseline.total(), subtotal, params.floorShare());
        if (floor.signum() > 0) {
            result.line("portfolio", GroupKind.ACCOUNT, null, LineKind.FLOOR, floorText(params), floor, List.of());
        }
        BigDecimal s = baseline.total();
        BigDecimal withAddOns = Money.cents(addOns.stream().reduce(s, BigDecimal::add));
        BigDecimal total = Money.cents(addOns.stream().reduce(s, BigDecimal::add).add(floor));
        result.attribution(new ChangeAttribution(s, Money.ZERO, Money.ZERO, withAddOns.subtract(s),
                total.subtract(withAddOns), total));
        return result.build();
    }

    private MarginResult riskGroupGrids(Map<String, GroupInput> groups, ValuationContext context,
            SiloedBaseline baseline, MarginResultBuilder result, Map<RevaluationKey, GroupRevaluation> revaluations,
            boolean worstReports) {
        CrossMarginParameters params = proposal.parameters();
        List<GroupScan> scans = groups.values().parallelStream()
                .map(g -> {
                    GroupGrid gridParameters = params.grid(g.id(), g.productClass());
                    GroupRevaluation r = revaluations.computeIfAbsent(new RevaluationKey(g.id(), gridParameters),
                            k -> revalue(g, context, gridParameters));
                    return scan(r, context, params.offsetFactor(g.id()), worstReports);
                })
                .toList();
        Map<String, GroupScan> byId = new LinkedHashMap<>();
        for (GroupScan s : scans) {
            byId.put(s.input().id(), s);
        }
        BigDecimal step1 = BigDecimal.ZERO;
        BigDecimal step2 = BigDecimal.ZERO;
        BigDecimal step3 = BigDecimal.ZERO;
        for (GroupScan s : scans) {
            GroupInput g = s.input();
            String gridText = describe(s.grid());
            if (s.hasSecurities()) {
                step1 = step1.add(line(result, g, Account.SECURITIES, LineKind.SCAN_RISK, s.scanSecurities(),
                        g.id() + " securities positions alone: largest weighted loss over " + gridText,
                        g.positionIds(Account.SECURITIES)));
            }
            if (s.hasFutures()) {
                step1 = step1.add(line(result, g, Account.FUTURES, LineKind.SCAN_RISK, s.scanFutures(),
                        g.id() + " futures positions alone: largest weighted loss over " + gridText,
                        g.positionIds(Account.FUTURES)));
            }
            double offset = s.requirement() - s.scanSecurities() - s.scanFutures();
            if (offset != 0) {
                step2 = step2.add(line(result, g, null, LineKind.OFFSET, offset,
                        g.id() + ": both accounts in common scenarios, loss = loss side - "
                                + BigDecimal.valueOf(params.offsetFactor(g.id())).stripTrailingZeros().toPlainString()
                                + " x gain side; worst: " + s.grid().scenarios().get(s.worst()).label(),
                        g.positionIds()));
            }
            if (s.worstScenario() != null) {
                result.worstScenario(s.worstScenario());
            }
        }
        Map<String, Double> remaining = new HashMap<>();
        Map<String, Double> creditUsed = new HashMap<>();
        for (GroupScan s : scans) {
            remaining.put(s.input().id(), s.requirement());
        }
        for (GroupCredit c : params.credits()) {
            GroupScan a = byId.get(c.groupA());
            GroupScan b = byId.get(c.groupB());
            if (a == null || b == null || c.rate() == 0 || a.direction() * b.direction() >= 0) {
                continue;
            }
            double used = Math.min(remaining.get(a.input().id()), remaining.get(b.input().id()));
            if (used <= 0) {
                continue;
            }
            remaining.merge(a.input().id(), -used, Double::sum);
            remaining.merge(b.input().id(), -used, Double::sum);
            creditUsed.merge(a.input().id(), c.rate() * used, Double::sum);
            creditUsed.merge(b.input().id(), c.rate() * used, Double::sum);
            double credit = -2 * c.rate() * used;
            BigDecimal exact = Money.exact(credit);
            step2 = step2.add(exact);
            result.line(c.groupA() + "/" + c.groupB(), GroupKind.RISK_GROUP, null, LineKind.CREDIT,
                    String.format(Locale.ROOT, "inter-group credit: %s of $%,.2f, the part of each group's"
                            + " requirement at risk in opposite directions, taken from each of the two groups",
                            Explanations.percent(c.rate()), used),
                    exact, List.of());
        }
        for (GroupScan s : scans) {
            GroupInput g = s.input();
            double afterCredits = s.requirement() - creditUsed.getOrDefault(g.id(), 0.0);
            double minimum = params.minimumPerContract() * g.contractMultipliers();
            if (minimum > afterCredits) {
                step3 = step3.add(line(result, g, null, LineKind.MINIMUM_CHARGE, minimum - afterCredits,
                        String.format(Locale.ROOT, "%s: minimum of $%s x multiplier per contract ($%,.2f) exceeds"
                                + " the risk after offsets and credits ($%,.2f)", g.id(),
                                BigDecimal.valueOf(params.minimumPerContract()).stripTrailingZeros().toPlainString(),
                                minimum, Math.max(0, afterCredits)),
                        g.positionIds()));
            }
            double addOn = params.concentration().addOn(g.grossExposure());
            if (addOn > 0) {
                step3 = step3.add(line(result, g, null, LineKind.ADD_ON, addOn, concentrationText(g, params),
                        g.positionIds()));
            }
        }
        BigDecimal siloed = baseline.total();
        BigDecimal exactStep1 = step1;
        BigDecimal exactStep2 = exactStep1.add(step2);
        BigDecimal exactStep3 = exactStep2.add(step3);
        BigDecimal floor = floor(siloed, exactStep3, params.floorShare());
        if (floor.signum() > 0) {
            result.line("portfolio", GroupKind.ACCOUNT, null, LineKind.FLOOR, floorText(params), floor, List.of());
        }
        BigDecimal r1 = Money.cents(exactStep1);
        BigDecimal r2 = Money.cents(exactStep2);
        BigDecimal r3 = Money.cents(exactStep3);
        BigDecimal r4 = Money.cents(exactStep3.add(floor));
        result.attribution(new ChangeAttribution(siloed, r1.subtract(siloed), r2.subtract(r1), r3.subtract(r2),
                r4.subtract(r3), r4));
        return result.build();
    }

    private static BigDecimal line(MarginResultBuilder result, GroupInput g, Account account, LineKind kind,
            double amount, String description, List<String> ids) {
        BigDecimal exact = Money.exact(amount);
        result.line(g.id(), GroupKind.RISK_GROUP, account, kind, description, exact, ids);
        return exact;
    }

    private static BigDecimal floor(BigDecimal siloed, BigDecimal subtotal, double floorShare) {
        BigDecimal floor = siloed.multiply(BigDecimal.valueOf(floorShare)).subtract(subtotal);
        return floor.signum() > 0 ? floor : BigDecimal.ZERO;
    }

    private static String floorText(CrossMarginParameters params) {
        return "floor: at least " + Explanations.percent(params.floorShare())
                + " of the siloed requirement (savings capped at " + Explanations.percent(1 - params.floorShare()) + ")";
    }

    private static String concentrationText(GroupInput g, CrossMarginParameters params) {
        return String.format(Locale.ROOT, "%s: concentration add-on %s of the gross exposure above $%,.2f (gross"
                + " exposure $%,.2f)", g.id(), Explanations.percent(params.concentration().rate()),
                params.concentration().thresholdUsd(), g.grossExposure());
    }

    private static String describe(ScenarioGrid grid) {
        return grid.size() + " scenarios on " + grid.id();
    }

    /** Scans one risk group over its grid; runs in parallel with other groups. */
    /**
     * Revalues a group's positions over its grid: the two accounts' P&amp;L per scenario, and each option's
     * value today (reused for the worst scenario's second pass). Depends on the grid only, so proposals
     * that differ in offset factor, credits, add-ons or floor share it.
     */
    private static GroupRevaluation revalue(GroupInput g, ValuationContext context, GroupGrid gridParameters) {
        ScenarioGrid grid = gridParameters.toScenarioGrid(g.id() + " (" + g.driver() + ")", g.rates());
        ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
        int n = grid.size();
        double[] securities = new double[n];
        double[] futures = new double[n];
        boolean hasSecurities = false;
        boolean hasFutures = false;
        List<Position> positions = g.positions();
        double[] today = new double[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p.account() == Account.FUTURES) {
                hasFutures = true;
                today[i] = revaluer.accumulate(p, g.betas()[i], g.dividendYields()[i], grid, futures);
            } else {
                hasSecurities = true;
                today[i] = revaluer.accumulate(p, g.betas()[i], g.dividendYields()[i], grid, securities);
            }
        }
        int up = 0;
        int down = 0;
        for (int j = 1; j < n; j++) {
            double move = shift(grid.scenarios().get(j), g.rates());
            if (move > shift(grid.scenarios().get(up), g.rates())) {
                up = j;
            }
            if (move < shift(grid.scenarios().get(down), g.rates())) {
                down = j;
            }
        }
        double direction = Math.signum((securities[up] + futures[up]) - (securities[down] + futures[down]));
        return new GroupRevaluation(g, grid, securities, futures, hasSecurities, hasFutures, today, direction,
                new ConcurrentHashMap<>());
    }

    private static double shift(Scenario s, boolean rates) {
        return rates ? s.yieldShiftBp() : s.priceMove();
    }

    /**
     * Scans a revalued group with an offset factor; the worst scenario's report (when asked for) is cached
     * per scenario.
     */
    private static GroupScan scan(GroupRevaluation r, ValuationContext context, double f, boolean worstReport) {
        int n = r.grid().size();
        double scanSecurities = 0;
        double scanFutures = 0;
        double largest = Double.NEGATIVE_INFINITY;
        int worst = 0;
        for (int j = 0; j < n; j++) {
            scanSecurities = Math.max(scanSecurities, -r.securities()[j]);
            scanFutures = Math.max(scanFutures, -r.futures()[j]);
            double loss = lossAfterOffset(r.securities()[j], f) + lossAfterOffset(r.futures()[j], f);
            if (loss > largest) {
                largest = loss;
                worst = j;
            }
        }
        WorstScenario report = worstReport ? r.worstReports().computeIfAbsent(worst, j -> worstScenario(r, context, j))
                : null;
        return new GroupScan(r.input(), r.grid(), scanSecurities, scanFutures, r.hasSecurities(), r.hasFutures(),
                Math.max(0, largest), worst, r.direction(), report);
    }

    /** Every position's weighted P&amp;L in one scenario of the group's grid. */
    private static WorstScenario worstScenario(GroupRevaluation r, ValuationContext context, int j) {
        GroupInput g = r.input();
        ScenarioGrid grid = r.grid();
        Scenario scenario = grid.scenarios().get(j);
        ScenarioGrid single = ScenarioGrid.of(grid.id(), List.of(scenario), grid.volShiftKind(), grid.decayDays());
        ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
        List<Position> positions = g.positions();
        double[] pnl = new double[positions.size()];
        double[] one = new double[1];
        for (int i = 0; i < positions.size(); i++) {
            one[0] = 0;
            revaluer.accumulate(positions.get(i), g.betas()[i], g.dividendYields()[i], single, one, r.today()[i]);
            pnl[i] = one[0];
        }
        return WorstScenario.of(g.id(), GroupKind.RISK_GROUP, null, j, scenario, g.positionIds(), pnl);
    }

    /** The loss counted for one account side in a scenario: a loss in full, a gain at -f. */
    static double lossAfterOffset(double pnl, double f) {
        return pnl < 0 ? -pnl : -f * pnl;
    }

    private static Map<String, GroupInput> group(List<Position> positions, ReferenceData data) {
        int n = positions.size();
        UnderlyingReference[] refs = new UnderlyingReference[n];
        IntStream.range(0, n).parallel().forEach(i -> refs[i] = data.resolve(positions.get(i).underlying()));
        Map<String, List<Integer>> members = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            boolean ratesGroup = refs[i].productClass() == ProductClass.RATES_TENOR_BUCKET;
            if (ratesGroup != p.instrumentType().isRates()) {
                errors.add(new FieldError(i, "underlying", ratesGroup
                        ? p.underlying() + " is a rates tenor bucket; a " + p.instrumentType() + " cannot be margined on it"
                        : p.instrumentType() + " needs a rates tenor bucket underlying (e.g. UST-10Y or ZN), not "
                                + p.underlying()));
                continue;
            }
            members.computeIfAbsent(refs[i].riskGroup(), k -> new ArrayList<>()).add(i);
        }
        if (!errors.isEmpty()) {
            throw new InvalidPortfolioException(errors);
        }
        Map<String, GroupInput> groups = new TreeMap<>();
        members.entrySet().parallelStream().map(e -> groupInput(e.getKey(), e.getValue(), positions, refs, data))
                .toList().forEach(g -> groups.put(g.id(), g));
        return groups;
    }

    private static GroupInput groupInput(String id, List<Integer> indices, List<Position> positions,
            UnderlyingReference[] refs, ReferenceData data) {
        List<Position> unsorted = new ArrayList<>(indices.size());
        for (int i : indices) {
            unsorted.add(positions.get(i));
        }
        int[] order = orderById(unsorted);
        List<Position> sorted = new ArrayList<>(order.length);
        List<String> ids = new ArrayList<>(order.length);
        List<String> securitiesIds = new ArrayList<>();
        List<String> futuresIds = new ArrayList<>();
        double[] betas = new double[order.length];
        double[] yields = new double[order.length];
        double gross = 0;
        double contracts = 0;
        for (int k = 0; k < order.length; k++) {
            Position p = unsorted.get(order[k]);
            UnderlyingReference ref = refs[indices.get(order[k])];
            sorted.add(p);
            ids.add(p.positionId());
            (p.account() == Account.FUTURES ? futuresIds : securitiesIds).add(p.positionId());
            betas[k] = ref.beta();
            yields[k] = ref.dividendYield();
            double unitPrice = p.instrumentType().isOption() ? p.underlyingPrice().doubleValue()
                    : p.price().doubleValue();
            gross += Math.abs(p.exposureFactor() * unitPrice);
            if (isContract(p)) {
                contracts += Math.abs(p.exposureFactor());
            }
        }
        UnderlyingReference driver = data.resolve(refs[indices.get(0)].driver());
        return new GroupInput(id, driver.symbol(), driver.productClass(),
                driver.productClass() == ProductClass.RATES_TENOR_BUCKET, sorted, List.copyOf(ids),
                List.copyOf(securitiesIds), List.copyOf(futuresIds), betas, yields, gross, contracts);
    }

    /**
     * An order of the positions that depends only on their ids (which validation makes unique), so that
     * sums and reports do not depend on the portfolio's order: by the id's hash code, then by the id.
     */
    private static int[] orderById(List<Position> positions) {
        int n = positions.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) positions.get(i).positionId().hashCode() << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && (keys[end] >> 32) == (keys[start] >> 32)) {
                end++;
            }
            if (end - start > 1) {
                Integer[] tie = new Integer[end - start];
                for (int k = start; k < end; k++) {
                    tie[k - start] = order[k];
                }
                java.util.Arrays.sort(tie, (a, b) -> positions.get(a).positionId().compareTo(positions.get(b).positionId()));
                for (int k = start; k < end; k++) {
                    order[k] = tie[k - start];
                }
            }
            start = end;
        }
        return order;
    }

    private static boolean isContract(Position p) {
        return switch (p.instrumentType()) {
            case STOCK, ETF, TREASURY -> false;
            default -> true;
        };
    }

    /** A risk group's positions, sorted, with what the group needs besides the scan. */
    record GroupInput(String id, String driver, ProductClass productClass, boolean rates,
            List<Position> positions, List<String> positionIds, List<String> securitiesIds, List<String> futuresIds,
            double[] betas, double[] dividendYields, double grossExposure, double contractMultipliers) {

        List<String> positionIds(Account account) {
            return account == Account.FUTURES ? futuresIds : securitiesIds;
        }
    }

    /** The outcome of scanning one risk group. */
    record GroupScan(GroupInput input, ScenarioGrid grid, double scanSecurities, double scanFutures,
            boolean hasSecurities, boolean hasFutures, double requirement, int worst, double direction,
            WorstScenario worstScenario) {
    }

    /** The proposal plus the account methodologies it is compared with, as hashed into results. */
    private record HashedParameters(CrossMarginProposal proposal, Methodology securities, Methodology futures)
            implements ParameterSet {
        @Override
        public VersionedId parameterSetId() {
            return proposal.parameterSetId();
        }

        @Override
        public String canonicalForm() {
            return proposal.canonicalForm() + "|securities=" + securities.methodologyId() + ":"
                    + securities.parameters().parameterSetId() + ":" + securities.parameters().canonicalForm()
                    + "|futures=" + futures.methodologyId() + ":" + futures.parameters().parameterSetId() + ":"
                    + futures.parameters().canonicalForm();
        }
    }
}
