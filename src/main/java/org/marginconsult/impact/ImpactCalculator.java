package org.marginconsult.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.marginconsult.margin.methodology.cross.ImpactStudy;
import org.marginconsult.margin.methodology.cross.SiloedBaseline;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.reference.ReferenceData;
import org.marginconsult.margin.scenario.Scenario;

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

    /** Progress at which the study starts; loading the portfolio reports below it. */
    static final int STUDY_START = 30;
    private static final int EXPLAIN_START = 80;
    private static final int SENSITIVITY_START = 90;

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
        CrossMarginProposal sensitivityProposal = proposals.stream()
                .filter(p -> p.parameters().gridMode() == GridMode.RISK_GROUP_GRIDS).findFirst().orElse(null);

        progress.report(STUDY_START, "today's margin (securities under " + regime + ", futures under SPAN) and "
                + proposals.stream().map(CrossMarginProposal::id).collect(Collectors.joining(", ")));
        // One study: the portfolio validated, grouped and digested once, each risk group revalued once per
        // grid; the proposals, their profiles and the sensitivity points all read those revaluations.
        ImpactStudy study = ImpactStudy.run(input.positions(), context, securities, futures, proposals,
                (done, steps, next) -> progress.report(
                        STUDY_START + (EXPLAIN_START - STUDY_START) * (done + 1) / (steps + 1), next));
        SiloedBaseline baseline = study.baseline();

        progress.report(EXPLAIN_START, "explaining the change by account, risk group and worst scenario");
        List<MarginResult> results = proposals.stream().map(p -> study.proposal(p.id())).toList();
        Map<WorstScenario, List<PositionPnl>> ranked = new IdentityHashMap<>();
        Set<String> wanted = new HashSet<>();
        for (MarginResult r : baseline.results()) {
            want(r, ranked, wanted);
        }
        for (MarginResult r : results) {
            want(r, ranked, wanted);
        }
        Map<String, Position> byId = positions(input.positions(), wanted);

        List<CollateralItem> collateral = input.collateral();
        CollateralComparison collateralToday = collateral.isEmpty() ? null
                : CollateralValuation.compare(collateral, schedules.securitiesToday(), schedules.futuresToday(),
                        schedules.proposal(), input.asOf());
        Requirement today = today(baseline, byId, ranked, collateralToday);
        List<ProposalImpact> impacts = new ArrayList<>();
        List<GroupProfile> profiles = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            CrossMarginProposal proposal = proposals.get(i);
            impacts.add(proposal(proposal, results.get(i), today, byId, ranked, collateralToday));
            profiles.addAll(profiles(proposal, study));
        }

        Sensitivity sensitivity = null;
        if (sensitivityProposal != null) {
            progress.report(SENSITIVITY_START, "sensitivity of " + sensitivityProposal.id()
                    + " to its offset factor, 0% to 100%");
            List<BigDecimal> factors = new ArrayList<>();
            double[] f = new double[sensitivitySteps + 1];
            for (int i = 0; i <= sensitivitySteps; i++) {
                factors.add(BigDecimal.valueOf(i).divide(BigDecimal.valueOf(sensitivitySteps), 4, RoundingMode.HALF_UP));
                f[i] = factors.get(i).doubleValue();
            }
            List<ImpactStudy.OffsetPoint> curve = study.offsetSensitivity(sensitivityProposal.id(), f);
            List<SensitivityPoint> points = new ArrayList<>();
            for (int i = 0; i < factors.size(); i++) {
                points.add(new SensitivityPoint(factors.get(i), curve.get(i).total()));
            }
            sensitivity = new Sensitivity(sensitivityProposal.id(), points);
        }
        return finish(input, regime, proposals, context, securities, futures, study.positionsDigest(), today, impacts,
                profiles, sensitivity, progress);
    }

    /**
     * Ranks the positions of each worst scenario of a result (the drill-down keeps the largest losses) and
     * notes the positions the explanation needs to look up: each ranked one, and the first position of each
     * line or scenario that is attributed to a risk group through its positions.
     */
    private void want(MarginResult r, Map<WorstScenario, List<PositionPnl>> ranked, Set<String> wanted) {
        for (BreakdownLine l : r.breakdown()) {
            if (l.groupKind() != GroupKind.RISK_GROUP && !l.positionIds().isEmpty()) {
                wanted.add(l.positionIds().get(0));
            }
        }
        for (WorstScenario w : r.worstScenarios()) {
            List<PositionPnl> top = top(w.positions(), topContributors);
            ranked.put(w, top);
            top.forEach(p -> wanted.add(p.positionId()));
            if (!w.positions().isEmpty()) {
                wanted.add(w.positions().get(0).positionId());
            }
        }
    }

    private static final Comparator<PositionPnl> LARGEST_LOSS_FIRST = Comparator.comparing(PositionPnl::pnl)
            .thenComparing(PositionPnl::positionId);

    /** The {@code k} largest losses, largest first (ties by position id), without sorting every position. */
    static List<PositionPnl> top(List<PositionPnl> all, int k) {
        if (k <= 0) {
            return List.of();
        }
        PriorityQueue<PositionPnl> kept = new PriorityQueue<>(k + 1, LARGEST_LOSS_FIRST.reversed());
        for (PositionPnl p : all) {
            if (kept.size() < k) {
                kept.add(p);
            } else if (LARGEST_LOSS_FIRST.compare(p, kept.peek()) < 0) {
                kept.poll();
                kept.add(p);
            }
        }
        List<PositionPnl> top = new ArrayList<>(kept);
        top.sort(LARGEST_LOSS_FIRST);
        return top;
    }

    /** The positions with the wanted ids, in one pass. */
    private static Map<String, Position> positions(List<Position> positions, Set<String> wanted) {
        Map<String, Position> byId = new HashMap<>(wanted.size() * 2);
        for (Position p : positions) {
            if (wanted.contains(p.positionId())) {
                byId.put(p.positionId(), p);
            }
        }
        return byId;
    }

    private ImpactResult finish(ImpactInput input, SecuritiesRegime regime, List<CrossMarginProposal> proposals,
            ValuationContext context, Methodology securities, Methodology futures, byte[] positionsDigest,
            Requirement today, List<ProposalImpact> impacts, List<GroupProfile> profiles, Sensitivity sensitivity,
            Progress progress) {
        List<String> warnings = referenceData.warnings(input.positions()).stream().map(w -> w.message()).distinct()
                .limit(200).toList();
        Provenance provenance = new Provenance(inputHash(input, regime, proposals, context, securities, futures,
                positionsDigest),
                engineVersion, referenceData.version(), input.asOf(), rates.riskFreeRate(), input.portfolioId(),
                input.label(), input.version(), regime.name(),
                List.of(ref(securities), ref(futures), new VersionRef(CrossMargin.ID, CrossMargin.VERSION, "Cross-margin proposals")),
                proposals.stream().map(p -> new VersionRef(p.id(), p.version(), p.title())).toList(),
                List.of(schedule(schedules.securitiesToday()), schedule(schedules.futuresToday()),
                        schedule(schedules.proposal())));
        progress.report(95, "storing the result");
        return new ImpactResult(provenance, facts(input.positions()), today, impacts, profiles, sensitivity, warnings);
    }

    private static VersionRef ref(Methodology m) {
        return new VersionRef(m.id(), m.version(), m.parameters().parameterSetId().toString());
    }

    private static VersionRef schedule(HaircutSchedule s) {
        return new VersionRef(s.id(), s.version(), s.source());
    }

    private Requirement today(SiloedBaseline baseline, Map<String, Position> byId,
            Map<WorstScenario, List<PositionPnl>> ranked, CollateralComparison collateral) {
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
                worst.add(worst(w, byId, ranked.get(w)));
            }
        }
        CollateralFigures figures = collateral == null ? null
                : figures(collateral.today(), Money.ZERO);
        return new Requirement(baseline.total(), byAccount, byRiskGroup(all, byId), lines, figures, worst);
    }

    private ProposalImpact proposal(CrossMarginProposal proposal, MarginResult result, Requirement today,
            Map<String, Position> byId, Map<WorstScenario, List<PositionPnl>> ranked, CollateralComparison collateral) {
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
                result.worstScenarios().stream().map(w -> worst(w, byId, ranked.get(w))).toList());
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
     * first position's underlying, or, when it names no position (a SPAN inter-commodity credit, the net
     * option value), to the risk group of the underlying it is grouped by; account-wide lines (the
     * floor, an initial-margin uplift) and product-group offsets, which span class groups, are
     * portfolio-level.
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
            } else if (l.positionIds().isEmpty() && (l.groupKind() == GroupKind.COMBINED_COMMODITY
                    || l.groupKind() == GroupKind.CLASS_GROUP)) {
                groups.merge(referenceData.resolve(l.group()).riskGroup(), l.amount(), BigDecimal::add);
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

    private GroupWorst worst(WorstScenario w, Map<String, Position> byId, List<PositionPnl> ranked) {
        List<Contribution> top = new ArrayList<>();
        for (PositionPnl pnl : ranked) {
            Position p = byId.get(pnl.positionId());
            top.add(new Contribution(pnl.positionId(), p == null ? null : p.instrumentType().name(),
                    p == null ? null : p.symbol(), p == null ? null : p.underlying(), Money.cents(pnl.pnl())));
        }
        String riskGroup = w.groupKind() == GroupKind.RISK_GROUP ? w.group()
                : riskGroupOf(w.positions().stream().map(PositionPnl::positionId).limit(1).toList(), byId);
        return new GroupWorst(w.group(), riskGroup, w.account() == null ? null : w.account().name(),
                w.scenarioLabel(), w.priceMove(), w.yieldShiftBp(), Money.cents(w.loss()), w.positions().size(), top);
    }

    /**
     * Each risk group's P&amp;L over the proposal's grid for that group, the series of the profile chart: the
     * same revaluation the proposal's scan used.
     */
    private List<GroupProfile> profiles(CrossMarginProposal proposal, ImpactStudy study) {
        List<GroupProfile> out = new ArrayList<>();
        for (ImpactStudy.GroupPnl g : study.groupPnl(proposal.id())) {
            boolean rates = referenceData.resolve(g.driver()).productClass() == ProductClass.RATES_TENOR_BUCKET;
            double[] securities = g.securities();
            double[] futures = g.futures();
            List<ProfilePoint> points = new ArrayList<>();
            for (int j = 0; j < g.grid().size(); j++) {
                Scenario s = g.grid().scenarios().get(j);
                points.add(new ProfilePoint(s.label(), rates ? s.yieldShiftBp() : s.priceMove(),
                        Money.cents(securities[j]), Money.cents(futures[j]), Money.cents(securities[j] + futures[j])));
            }
            out.add(new GroupProfile(proposal.id(), g.riskGroup(), g.driver(), points));
        }
        return out;
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
            ValuationContext context, Methodology securities, Methodology futures, byte[] positionsDigest) {
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
        return InputHash.of(positionsDigest, new VersionedId("IMPACT", engineVersion), run, context);
    }
}
