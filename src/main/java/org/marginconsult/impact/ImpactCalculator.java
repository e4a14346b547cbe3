package org.marginconsult.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.marginconsult.impact.ImpactResult.Attribution;
import org.marginconsult.impact.ImpactResult.CollateralFigures;
import org.marginconsult.impact.ImpactResult.Contribution;
import org.marginconsult.impact.ImpactResult.Exposure;
import org.marginconsult.impact.ImpactResult.GroupProfile;
import org.marginconsult.impact.ImpactResult.GroupWorst;
import org.marginconsult.impact.ImpactResult.Line;
import org.marginconsult.impact.ImpactResult.PortfolioFacts;
import org.marginconsult.impact.ImpactResult.ProfilePoint;
import org.marginconsult.impact.ImpactResult.ProposalImpact;
import org.marginconsult.impact.ImpactResult.Provenance;
import org.marginconsult.impact.ImpactResult.Requirement;
import org.marginconsult.impact.ImpactResult.Sensitivity;
import org.marginconsult.impact.ImpactResult.SensitivityPoint;
import org.marginconsult.impact.ImpactResult.VersionRef;
import org.marginconsult.margin.AccountLine;
import org.marginconsult.margin.BreakdownLine;
import org.marginconsult.margin.GroupKind;
import org.marginconsult.margin.InputHash;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Methodology;
import org.marginconsult.margin.Money;
import org.marginconsult.margin.ParameterSet;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionPnl;
import org.marginconsult.margin.Rates;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.VersionedId;
import org.marginconsult.margin.WorstScenario;
import org.marginconsult.margin.collateral.CollateralComparison;
import org.marginconsult.margin.collateral.CollateralItem;
import org.marginconsult.margin.collateral.CollateralReport;
import org.marginconsult.margin.collateral.CollateralValuation;
import org.marginconsult.margin.collateral.HaircutSchedule;
import org.marginconsult.margin.methodology.cross.CrossMargin;
import org.marginconsult.margin.methodology.cross.CrossMarginProposal;
import org.marginconsult.margin.methodology.cross.GridMode;
import org.marginconsult.margin.methodology.cross.GroupGrid;
import org.marginconsult.margin.methodology.cross.SiloedBaseline;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.reference.UnderlyingReference;
import org.marginconsult.margin.scenario.Scenario;
import org.marginconsult.margin.scenario.ScenarioGrid;
import org.marginconsult.margin.scenario.ScenarioRevaluer;

/**
 * Computes an impact: today's siloed margin (securities account under the chosen regime, futures
 * account under SPAN) and each cross-margin proposal on the same positions, then explains the
 * difference (by account, by risk group, offsets, add-ons, worst scenarios, collateral) and adds the
 * chart series (scenario profiles per risk group, sensitivity of the total to the offset factor).
 *
 * <p>Plain Java over the margin library, so the same inputs always give the same numbers: the worker
 * runs it off the web threads and stores what it returns.
 */
public final class ImpactCalculator {

    /** Receives progress as the calculation moves through its stages. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param percent 0 to 100
         * @param stage   what is being computed, in words
         */
        void report(int percent, String stage);
    }

    /** Today's and the proposals' haircut schedules applied to posted collateral. */
    public record CollateralSchedules(HaircutSchedule securitiesToday, HaircutSchedule futuresToday,
            HaircutSchedule proposal) {
    }

    static final String PORTFOLIO_LEVEL = "portfolio";

    private final ReferenceData referenceData;
    private final Rates rates;
    private final String engineVersion;
    private final Function<SecuritiesRegime, Methodology> securitiesMethodology;
    private final CollateralSchedules schedules;
    private final int sensitivitySteps;
    private final int topContributors;

    /**
     * @param referenceData         the underlyings table
     * @param rates                 the risk-free rate used for option revaluation
     * @param engineVersion         the application's version, recorded as the engine version
     * @param securitiesMethodology today's methodology for the securities account per regime
     * @param schedules             collateral haircut schedules
     * @param sensitivitySteps      intervals of the offset-factor sensitivity curve (5 gives 0%, 20% ... 100%)
     * @param topContributors       how many positions each worst scenario keeps, largest loss first
     */
    public ImpactCalculator(ReferenceData referenceData, Rates rates, String engineVersion,
            Function<SecuritiesRegime, Methodology> securitiesMethodology, CollateralSchedules schedules,
            int sensitivitySteps, int topContributors) {
        this.referenceData = referenceData;
        this.rates = rates;
        this.engineVersion = engineVersion;
        this.securitiesMethodology = securitiesMethodology;
        this.schedules = schedules;
        this.sensitivitySteps = Math.max(1, sensitivitySteps);
        this.topContributors = topContributors;
    }

    /**
     * Runs the impact.
     *
     * @param input     the portfolio
     * @param regime    today's securities regime
     * @param proposals the proposals, in the order to show them
     * @param progress  progress sink
     * @return the result
     */
    public ImpactResult calculate(ImpactInput input, SecuritiesRegime regime, List<CrossMarginProposal> proposals,
            Progress progress) {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("choose at least one proposal");
        }
        ValuationContext context = new ValuationContext(input.asOf(), rates, referenceData);
        Methodology securities = securitiesMethodology.apply(regime);
        Methodology futures = Span.withDefaults();
        Map<String, Position> byId = new HashMap<>(input.positions().size() * 2);
        for (Position p : input.positions()) {
            byId.put(p.positionId(), p);
        }
        CrossMarginProposal sensitivityProposal = proposals.stream()
                .filter(p -> p.parameters().gridMode() == GridMode.RISK_GROUP_GRIDS).findFirst().orElse(null);
        int steps = 2 + 2 * proposals.size() + (sensitivityProposal == null ? 0 : sensitivitySteps + 1);
        int[] done = {0};
        Runnable step = () -> done[0]++;

        progress.report(0, "today's margin: securities under " + regime + ", futures under SPAN");
        SiloedBaseline baseline = SiloedBaseline.of(input.positions(), context, securities, futures);
        step.run();
        List<CollateralItem> collateral = input.collateral();
        CollateralComparison collateralToday = collateral.isEmpty() ? null
                : CollateralValuation.compare(collateral, schedules.securitiesToday(), schedules.futuresToday(),
                        schedules.proposal(), input.asOf());
        Requirement today = today(baseline, byId, collateralToday);

        List<ProposalImpact> impacts = new ArrayList<>();
        List<GroupProfile> profiles = new ArrayList<>();
        Map<String, List<Position>> groups = riskGroups(input.positions());
        // The proposals and the sensitivity points only share the baseline: computed side by side on a
        // pool of this run's own (the common pool has one thread on two cores), while this thread reports
        // progress as each finishes, so a lost lease stops the run here.
        List<CrossMarginProposal> variants = new ArrayList<>(proposals);
        List<BigDecimal> factors = new ArrayList<>();
        if (sensitivityProposal != null) {
            for (int i = 0; i <= sensitivitySteps; i++) {
                BigDecimal f = BigDecimal.valueOf(i).divide(BigDecimal.valueOf(sensitivitySteps), 4, RoundingMode.HALF_UP);
                factors.add(f);
                variants.add(sensitivityProposal.withParameters(
                        sensitivityProposal.parameters().withOffsetFactor(f.doubleValue()), "f" + f.toPlainString()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<CompletableFuture<MarginResult>> results = variants.stream()
                .map(v -> CompletableFuture.supplyAsync(() -> new CrossMargin(v, securities, futures)
                        .calculate(input.positions(), context, baseline), pool))
                .toList();
        try {
            for (int i = 0; i < proposals.size(); i++) {
                CrossMarginProposal proposal = proposals.get(i);
                progress.report(percent(done[0], steps), "proposal " + proposal.id());
                impacts.add(proposal(proposal, join(results.get(i)), today, byId, collateralToday));
                step.run();
                progress.report(percent(done[0], steps), "scenario profiles under " + proposal.id());
                profiles.addAll(profiles(proposal, groups, context));
                step.run();
            }
            Sensitivity sensitivity = null;
            if (sensitivityProposal != null) {
                List<SensitivityPoint> points = new ArrayList<>();
                for (int i = 0; i < factors.size(); i++) {
                    progress.report(percent(done[0], steps), "sensitivity of " + sensitivityProposal.id()
                            + " at offset factor " + factors.get(i).movePointRight(2).stripTrailingZeros().toPlainString()
                            + "%");
                    points.add(new SensitivityPoint(factors.get(i), join(results.get(proposals.size() + i)).total()));
                    step.run();
                }
                sensitivity = new Sensitivity(sensitivityProposal.id(), points);
            }
            return finish(input, regime, proposals, context, securities, futures, today, impacts, profiles,
                    sensitivity, progress);
        } finally {
            results.forEach(r -> r.cancel(false));
            pool.shutdownNow();
        }
    }

    private static MarginResult join(CompletableFuture<MarginResult> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ImpactResult finish(ImpactInput input, SecuritiesRegime regime, List<CrossMarginProposal> proposals,
            ValuationContext context, Methodology securities, Methodology futures, Requirement today,
            List<ProposalImpact> impacts, List<GroupProfile> profiles, Sensitivity sensitivity, Progress progress) {
        List<String> warnings = referenceData.warnings(input.positions()).stream().map(w -> w.message()).distinct()
                .limit(200).toList();
        Provenance provenance = new Provenance(inputHash(input, regime, proposals, context, securities, futures),
                engineVersion, referenceData.version(), input.asOf(), rates.riskFreeRate(), input.portfolioId(),
                input.label(), input.version(), regime.name(),
                List.of(ref(securities), ref(futures), new VersionRef(CrossMargin.ID, CrossMargin.VERSION, "Cross-margin proposals")),
                proposals.stream().map(p -> new VersionRef(p.id(), p.version(), p.title())).toList(),
                List.of(schedule(schedules.securitiesToday()), schedule(schedules.futuresToday()),
                        schedule(schedules.proposal())));
        progress.report(100, "done");
        return new ImpactResult(provenance, facts(input.positions()), today, impacts, profiles, sensitivity, warnings);
    }

    private static int percent(int done, int steps) {
        return Math.min(99, done * 100 / steps);
    }

    private static VersionRef ref(Methodology m) {
        return new VersionRef(m.id(), m.version(), m.parameters().parameterSetId().toString());
    }

    private static VersionRef schedule(HaircutSchedule s) {
        return new VersionRef(s.id(), s.version(), s.source());
    }

    private Requirement today(SiloedBaseline baseline, Map<String, Position> byId, CollateralComparison collateral) {
        Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        List<BreakdownLine> all = new ArrayList<>();
        List<GroupWorst> worst = new ArrayList<>();
        for (MarginResult r : baseline.results()) {
            for (AccountLine a : r.accounts()) {
                byAccount.merge(accountName(a), a.total(), BigDecimal::add);
            }
            all.addAll(r.breakdown());
            for (BreakdownLine l : r.breakdown()) {
                lines.add(line(l));
            }
            for (WorstScenario w : r.worstScenarios()) {
                worst.add(worst(w, byId));
            }
        }
        CollateralFigures figures = collateral == null ? null
                : figures(collateral.today(), Money.ZERO);
        return new Requirement(baseline.total(), byAccount, byRiskGroup(all, byId), lines, figures, worst);
    }

    private ProposalImpact proposal(CrossMarginProposal proposal, MarginResult result, Requirement today,
            Map<String, Position> byId, CollateralComparison collateral) {
        Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
        BigDecimal accounts = Money.ZERO;
        for (AccountLine a : result.accounts()) {
            byAccount.merge(accountName(a), a.total(), BigDecimal::add);
            accounts = accounts.add(a.total());
        }
        BigDecimal crossAccount = result.total().subtract(accounts);
        if (crossAccount.signum() != 0) {
            byAccount.merge("CROSS_ACCOUNT", crossAccount, BigDecimal::add);
        }
        BigDecimal change = result.total().subtract(today.total());
        BigDecimal percent = today.total().signum() == 0 ? null
                : change.multiply(BigDecimal.valueOf(100)).divide(today.total(), 2, RoundingMode.HALF_UP);
        Attribution attribution = result.attribution() == null ? null
                : new Attribution(result.attribution().siloedTotal(), result.attribution().gridChange(),
                        result.attribution().offsetChange(), result.attribution().addOnChange(),
                        result.attribution().floorChange(), result.attribution().proposalTotal());
        CollateralFigures figures = collateral == null ? null
                : figures(collateral.proposal(), collateral.change());
        return new ProposalImpact(proposal.id(), proposal.title(), proposal.version(), result.inputHash(),
                result.total(), change, percent, byAccount, byRiskGroup(result.breakdown(), byId),
                result.offsets().stream().map(ImpactCalculator::line).toList(),
                result.addOns().stream().map(ImpactCalculator::line).toList(), attribution, figures,
                result.worstScenarios().stream().map(w -> worst(w, byId)).toList());
    }

    /** An account line without an account is the part of a cross-margin requirement held across both. */
    private static String accountName(AccountLine a) {
        return a.account() == null ? "CROSS_ACCOUNT" : a.account().name();
    }

    private static CollateralFigures figures(CollateralReport report, BigDecimal released) {
        return new CollateralFigures(Money.cents(report.marketValue()), Money.cents(report.collateralValue()),
                Money.cents(report.haircutAmount()), Money.cents(released));
    }

    private static Line line(BreakdownLine l) {
        return new Line(l.group(), l.account() == null ? null : l.account().name(), l.kind().name(),
                l.description(), l.amount());
    }

    /**
     * Attributes breakdown lines to risk groups: a cross-margin line names its group; an inter-group
     * credit is split evenly between its two groups (the engine takes the same amount from each); a
     * line of today's methodologies (class group, combined commodity) goes to the risk group of its
     * first position's underlying; lines without positions (the floor) are portfolio-level.
     */
    private Map<String, BigDecimal> byRiskGroup(List<BreakdownLine> lines, Map<String, Position> byId) {
        Map<String, BigDecimal> groups = new TreeMap<>();
        for (BreakdownLine l : lines) {
            if (l.kind() == LineKind.CREDIT && l.group().contains("/")) {
                String[] pair = l.group().split("/", 2);
                BigDecimal half = l.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                groups.merge(pair[0], half, BigDecimal::add);
                groups.merge(pair[1], l.amount().subtract(half), BigDecimal::add);
            } else if (l.groupKind() == GroupKind.RISK_GROUP) {
                groups.merge(l.group(), l.amount(), BigDecimal::add);
            } else {
                groups.merge(riskGroupOf(l.positionIds(), byId), l.amount(), BigDecimal::add);
            }
        }
        return groups;
    }

    private String riskGroupOf(List<String> positionIds, Map<String, Position> byId) {
        for (String id : positionIds) {
            Position p = byId.get(id);
            if (p != null) {
                return referenceData.resolve(p.underlying()).riskGroup();
            }
        }
        return PORTFOLIO_LEVEL;
    }

    private GroupWorst worst(WorstScenario w, Map<String, Position> byId) {
        List<PositionPnl> ranked = new ArrayList<>(w.positions());
        ranked.sort(Comparator.comparing(PositionPnl::pnl).thenComparing(PositionPnl::positionId));
        List<Contribution> top = new ArrayList<>();
        for (PositionPnl pnl : ranked.subList(0, Math.min(topContributors, ranked.size()))) {
            Position p = byId.get(pnl.positionId());
            top.add(new Contribution(pnl.positionId(), p == null ? null : p.instrumentType().name(),
                    p == null ? null : p.symbol(), p == null ? null : p.underlying(), Money.cents(pnl.pnl())));
        }
        String riskGroup = w.groupKind() == GroupKind.RISK_GROUP ? w.group()
                : riskGroupOf(w.positions().stream().map(PositionPnl::positionId).limit(1).toList(), byId);
        return new GroupWorst(w.group(), riskGroup, w.account() == null ? null : w.account().name(),
                w.scenarioLabel(), w.priceMove(), w.yieldShiftBp(), Money.cents(w.loss()), w.positions().size(), top);
    }

    private Map<String, List<Position>> riskGroups(List<Position> positions) {
        Map<String, List<Position>> groups = new TreeMap<>();
        for (Position p : positions) {
            groups.computeIfAbsent(referenceData.resolve(p.underlying()).riskGroup(), k -> new ArrayList<>()).add(p);
        }
        for (List<Position> members : groups.values()) {
            members.sort(Comparator.comparing(Position::underlying).thenComparing(Position::positionId));
        }
        return groups;
    }

    /** Each risk group's P&L over the proposal's grid for that group, the series of the profile chart. */
    private List<GroupProfile> profiles(CrossMarginProposal proposal, Map<String, List<Position>> groups,
            ValuationContext context) {
        if (proposal.parameters().gridMode() != GridMode.RISK_GROUP_GRIDS) {
            return List.of();
        }
        return groups.entrySet().parallelStream().map(e -> {
            List<Position> members = e.getValue();
            UnderlyingReference first = referenceData.resolve(members.get(0).underlying());
            UnderlyingReference driver = referenceData.resolve(first.driver());
            GroupGrid groupGrid = proposal.parameters().grid(e.getKey(), driver.productClass());
            if (groupGrid == null) {
                return null;
            }
            boolean rates = members.get(0).instrumentType().isRates();
            ScenarioGrid grid = groupGrid.toScenarioGrid(e.getKey() + " (" + driver.symbol() + ")", rates);
            ScenarioRevaluer revaluer = new ScenarioRevaluer(context);
            double[] securities = new double[grid.size()];
            double[] futures = new double[grid.size()];
            for (Position p : members) {
                double beta = referenceData.resolve(p.underlying()).beta();
                revaluer.accumulate(p, beta, grid,
                        p.account() == org.marginconsult.margin.Account.FUTURES ? futures : securities);
            }
            List<ProfilePoint> points = new ArrayList<>();
            for (int j = 0; j < grid.size(); j++) {
                Scenario s = grid.scenarios().get(j);
                points.add(new ProfilePoint(s.label(), rates ? s.yieldShiftBp() : s.priceMove(),
                        Money.cents(securities[j]), Money.cents(futures[j]), Money.cents(securities[j] + futures[j])));
            }
            return new GroupProfile(proposal.id(), e.getKey(), driver.symbol(), points);
        }).filter(java.util.Objects::nonNull).toList();
    }

    private PortfolioFacts facts(List<Position> positions) {
        Map<String, double[]> byAccount = new TreeMap<>();
        Map<String, double[]> byType = new TreeMap<>();
        Map<String, double[]> byGroup = new TreeMap<>();
        for (Position p : positions) {
            double gross = Math.abs(p.marketValue().doubleValue());
            add(byAccount, p.account().name(), gross);
            add(byType, p.instrumentType().name(), gross);
            add(byGroup, referenceData.resolve(p.underlying()).riskGroup(), gross);
        }
        return new PortfolioFacts(positions.size(), exposures(byAccount), exposures(byType), exposures(byGroup));
    }

    private static void add(Map<String, double[]> map, String key, double gross) {
        double[] v = map.computeIfAbsent(key, k -> new double[2]);
        v[0]++;
        v[1] += gross;
    }

    private static Map<String, Exposure> exposures(Map<String, double[]> map) {
        Map<String, Exposure> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, new Exposure((int) v[0], Money.cents(v[1]))));
        return out;
    }

    /**
     * SHA-256 over everything the run reads: positions (canonical form, sorted), collateral, regime,
     * each methodology's and proposal's parameters in canonical form, the valuation context and the
     * engine version. The same hash means the same inputs, so the same numbers.
     */
    private String inputHash(ImpactInput input, SecuritiesRegime regime, List<CrossMarginProposal> proposals,
            ValuationContext context, Methodology securities, Methodology futures) {
        StringBuilder head = new StringBuilder();
        head.append("regime=").append(regime).append('\n');
        for (Methodology m : List.of(securities, futures)) {
            head.append("methodology=").append(m.methodologyId()).append(':').append(m.parameters().parameterSetId())
                    .append(':').append(m.parameters().canonicalForm()).append('\n');
        }
        for (CrossMarginProposal p : proposals) {
            head.append("proposal=").append(p.parameterSetId()).append(':').append(p.canonicalForm()).append('\n');
        }
        head.append("schedules=").append(schedules).append('\n');
        head.append("sensitivitySteps=").append(sensitivitySteps).append(";top=").append(topContributors).append('\n');
        for (CollateralItem c : input.collateral()) {
            head.append("collateral=").append(c.id()).append('|').append(c.heldIn()).append('|').append(c.kind())
                    .append('|').append(c.marketValue().stripTrailingZeros().toPlainString()).append('|')
                    .append(c.maturity()).append('|').append(c.tier()).append('\n');
        }
        String canonical = head.toString();
        ParameterSet run = new ParameterSet() {
            @Override
            public VersionedId parameterSetId() {
                return new VersionedId("impact-run", "1");
            }

            @Override
            public String canonicalForm() {
                return canonical;
            }
        };
        return InputHash.of(input.positions(), new VersionedId("IMPACT", engineVersion), run, context);
    }
}
