package org.marginconsult.margin.methodology.cross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.marginconsult.margin.Account;
import org.marginconsult.margin.AccountLine;
import org.marginconsult.margin.BreakdownLine;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.methodology.portfoliomargin.PortfolioMargin;
import org.marginconsult.margin.methodology.span.Span;
import org.marginconsult.margin.methodology.strategy.StrategyBased;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.scenario.VolShiftKind;
import org.marginconsult.margin.support.MarginFixtures;
import org.marginconsult.margin.support.ProposalFixtures;
import org.marginconsult.margin.support.RandomBooks;

/**
 * Properties of CROSS_MARGIN over deterministic random books (seeded, so a failure reproduces), with
 * portfolio margin as today's securities methodology unless a test says otherwise.
 */
class CrossMarginPropertiesTest {

    private static final Set<LineKind> SCENARIO_PART = Set.of(LineKind.SCAN_RISK, LineKind.OFFSET, LineKind.CREDIT);

    private static CrossMargin crossMargin(CrossMarginProposal proposal) {
        return new CrossMargin(proposal, PortfolioMargin.withDefaults(), Span.withDefaults());
    }

    private static BigDecimal scenarioPart(MarginResult r) {
        return r.breakdown().stream().filter(l -> SCENARIO_PART.contains(l.kind())).map(BreakdownLine::amount)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private static BigDecimal scenarioPart(MarginResult r, String group) {
        return r.breakdown().stream().filter(l -> SCENARIO_PART.contains(l.kind()) && l.group().equals(group))
                .map(BreakdownLine::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private static Position scaled(Position p, BigDecimal factor) {
        return new Position(p.positionId(), p.account(), p.instrumentType(), p.symbol(), p.underlying(),
                p.quantity().multiply(factor), p.multiplier(), p.price(), p.underlyingPrice(), p.optionType(),
                p.strike(), p.expiry(), p.impliedVol(), p.dv01(), p.currency());
    }

    private static Position renamed(Position p, String id) {
        return new Position(id, p.account(), p.instrumentType(), p.symbol(), p.underlying(), p.quantity(),
                p.multiplier(), p.price(), p.underlyingPrice(), p.optionType(), p.strike(), p.expiry(), p.impliedVol(),
                p.dv01(), p.currency());
    }

    private static List<CrossMarginProposal> proposals() {
        List<CrossMarginProposal> list = new ArrayList<>();
        for (String id : ProposalFixtures.IDS) {
            list.add(ProposalFixtures.load(id));
        }
        return list;
    }

    @Test
    void zeroOffsetOnOwnGridsEqualsTheSiloedRequirement() {
        assertOwnGridsEqualSiloed(PortfolioMargin.withDefaults());
    }

    @Test
    void zeroOffsetOnOwnGridsEqualsTheSiloedRequirementWithStrategyBasedSecurities() {
        assertOwnGridsEqualSiloed(StrategyBased.withDefaults());
    }

    private static void assertOwnGridsEqualSiloed(org.marginconsult.margin.Methodology securitiesToday) {
        CrossMargin own = new CrossMargin(CrossMarginProposal.siloed(), securitiesToday, Span.withDefaults());
        for (int seed = 0; seed < 25; seed++) {
            List<Position> book = RandomBooks.book(seed, 5 + seed * 3, true, true);
            List<Position> sec = book.stream().filter(p -> p.account() == Account.SECURITIES).toList();
            List<Position> fut = book.stream().filter(p -> p.account() == Account.FUTURES).toList();
            BigDecimal siloed = new BigDecimal("0.00");
            if (!sec.isEmpty()) {
                siloed = siloed.add(securitiesToday.calculate(sec, MarginFixtures.context()).total());
            }
            if (!fut.isEmpty()) {
                siloed = siloed.add(Span.withDefaults().calculate(fut, MarginFixtures.context()).total());
            }
            MarginResult r = own.calculate(book, MarginFixtures.context());
            assertEquals(siloed, r.total(), "seed " + seed);
            assertEquals(siloed, r.attribution().siloedTotal(), "seed " + seed);
        }
    }

    @Test
    void hedgingARiskGroupExactlyNeverRaisesTheScenarioPartWithoutCredits() {
        for (CrossMarginProposal proposal : proposals()) {
            CrossMargin cm = crossMargin(proposal.withParameters(proposal.parameters().withoutCredits(), "no-credits"));
            for (int seed = 0; seed < 15; seed++) {
                List<Position> book = RandomBooks.book(100 + seed, 40, true, true);
                String group = group(book.get(new Random(seed).nextInt(book.size())));
                assertHedgeNeverRaises(cm, book, Set.of(group), proposal.id() + " seed " + seed);
            }
        }
    }

    /**
     * With credits, a group may be the hedge that earns another group its credit: hedging it alone can then
     * raise the total (documented in cross-margin.md). Hedging it together with every group it shares a
     * credit with never does.
     */
    @Test
    void hedgingARiskGroupAndItsCreditPartnersNeverRaisesTheScenarioPart() {
        for (CrossMarginProposal proposal : proposals()) {
            CrossMargin cm = crossMargin(proposal);
            for (int seed = 0; seed < 15; seed++) {
                List<Position> book = RandomBooks.book(100 + seed, 40, true, true);
                Set<String> component = new java.util.HashSet<>();
                component.add(group(book.get(new Random(seed).nextInt(book.size()))));
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (GroupCredit c : proposal.parameters().credits()) {
                        if (component.contains(c.groupA()) != component.contains(c.groupB())) {
                            grew |= component.add(c.groupA()) | component.add(c.groupB());
                        }
                    }
                }
                assertHedgeNeverRaises(cm, book, component, proposal.id() + " seed " + seed);
            }
        }
    }

    private static String group(Position p) {
        return MarginFixtures.referenceData().resolve(p.underlying()).riskGroup();
    }

    private static void assertHedgeNeverRaises(CrossMargin cm, List<Position> book, Set<String> groups, String what) {
        List<Position> hedged = new ArrayList<>(book);
        for (Position p : book) {
            if (groups.contains(group(p))) {
                hedged.add(renamed(scaled(p, BigDecimal.ONE.negate()), p.positionId() + "-hedge"));
            }
        }
        BigDecimal before = scenarioPart(cm.calculate(book, MarginFixtures.context()));
        MarginResult after = cm.calculate(hedged, MarginFixtures.context());
        assertTrue(scenarioPart(after).compareTo(before) <= 0, what + ": " + before + " -> " + scenarioPart(after));
        for (String g : groups) {
            assertEquals(0, scenarioPart(after, g).signum(), what + " " + g);
        }
    }

    @Test
    void hedgingALinearGroupInTheOtherAccountNeverRaisesItsScenarioPartOnASymmetricGrid() {
        CrossMarginProposal a = ProposalFixtures.load("A-full-offset");
        GroupGrid symmetric = new GroupGrid(0.08, 0.08, 5, false, List.of(0.0), VolShiftKind.ABSOLUTE, 0, 1, 0, 30);
        Map<ProductClass, GroupGrid> grids = new EnumMap<>(a.parameters().classGrids());
        grids.put(ProductClass.HIGH_CAP_BROAD_INDEX, symmetric);
        Random random = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            double f = trial % 4 == 0 ? 0 : random.nextDouble();
            CrossMarginParameters params = new CrossMarginParameters(GridMode.RISK_GROUP_GRIDS, grids, Map.of(), f,
                    Map.of(), List.of(), 0, ConcentrationAddOn.NONE, 0);
            CrossMargin cm = crossMargin(a.withParameters(params, "symmetric"));
            List<Position> book = new ArrayList<>();
            double exposure = 0;
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                int q = random.nextInt(2000) - 1000;
                if (q == 0) {
                    continue;
                }
                book.add(Position.equity("spy" + i, InstrumentType.ETF, "SPY", String.valueOf(q), "590"));
                exposure += q * 590.0;
                int c = random.nextInt(11) - 5;
                if (c != 0) {
                    book.add(Position.future("es" + i, InstrumentType.FUTURE, "ESZ6", "ES", String.valueOf(c), "50",
                            "5900", MarginFixtures.AS_OF.plusDays(28)));
                    exposure += c * 50 * 5900.0;
                }
            }
            if (book.isEmpty() || exposure == 0) {
                continue;
            }
            boolean inFutures = random.nextBoolean();
            List<Position> hedged = new ArrayList<>(book);
            // Hedge quantities chosen so the hedge's P&L is exactly minus the book's in every scenario.
            if (inFutures) {
                hedged.add(Position.future("hedge", InstrumentType.FUTURE, "ESZ6", "ES",
                        new BigDecimal(-exposure).divide(new BigDecimal("295000"), java.math.MathContext.DECIMAL64)
                                .toPlainString(), "50", "5900", MarginFixtures.AS_OF.plusDays(28)));
            } else {
                hedged.add(Position.equity("hedge", InstrumentType.ETF, "SPY",
                        new BigDecimal(-exposure).divide(new BigDecimal("590"), java.math.MathContext.DECIMAL64)
                                .toPlainString(), "590"));
            }
            SiloedBaseline none = new SiloedBaseline(null, null);
            BigDecimal before = scenarioPart(cm.calculate(book, MarginFixtures.context(), none));
            BigDecimal after = scenarioPart(cm.calculate(hedged, MarginFixtures.context(), none));
            assertTrue(after.compareTo(before.add(new BigDecimal("0.01"))) <= 0,
                    "trial " + trial + " f=" + f + ": " + before + " -> " + after);
        }
    }

    @Test
    void linearBooksScaleLinearly() {
        BigDecimal three = new BigDecimal("3");
        for (String id : List.of("A-full-offset", "B-80pct-capped")) {
            CrossMargin cm = crossMargin(ProposalFixtures.load(id));
            for (int seed = 0; seed < 15; seed++) {
                List<Position> book = RandomBooks.book(200 + seed, 30, false, true);
                MarginResult one = cm.calculate(book, MarginFixtures.context());
                MarginResult triple = cm.calculate(book.stream().map(p -> scaled(p, three)).toList(),
                        MarginFixtures.context());
                BigDecimal tolerance = new BigDecimal("0.03").multiply(BigDecimal.valueOf(one.breakdown().size() + 2));
                assertTrue(triple.total().subtract(one.total().multiply(three)).abs().compareTo(tolerance) <= 0,
                        id + " seed " + seed + ": " + one.total() + " x 3 vs " + triple.total());
            }
        }
    }

    @Test
    void totalsEqualTheSumOfTheBreakdownAndOfTheAccounts() {
        for (CrossMarginProposal proposal : proposals()) {
            CrossMargin cm = crossMargin(proposal);
            for (int seed = 0; seed < 10; seed++) {
                MarginResult r = cm.calculate(RandomBooks.book(300 + seed, 50, true, true),
                        MarginFixtures.context());
                assertEquals(r.total(), r.breakdown().stream().map(BreakdownLine::amount)
                        .reduce(new BigDecimal("0.00"), BigDecimal::add));
                assertEquals(r.total(), r.accounts().stream().map(AccountLine::total)
                        .reduce(new BigDecimal("0.00"), BigDecimal::add));
                assertEquals(r.total(), r.attribution().siloedTotal().add(r.attribution().gridChange())
                        .add(r.attribution().offsetChange()).add(r.attribution().addOnChange())
                        .add(r.attribution().floorChange()));
            }
        }
    }

    @Test
    void resultsDoNotDependOnPositionOrder() {
        for (CrossMarginProposal proposal : proposals()) {
            CrossMargin cm = crossMargin(proposal);
            for (int seed = 0; seed < 5; seed++) {
                List<Position> book = RandomBooks.book(400 + seed, 60, true, true);
                List<Position> shuffled = new ArrayList<>(book);
                Collections.shuffle(shuffled, new Random(seed));
                assertEquals(cm.calculate(book, MarginFixtures.context()),
                        cm.calculate(shuffled, MarginFixtures.context()), proposal.id() + " seed " + seed);
            }
        }
    }
}
