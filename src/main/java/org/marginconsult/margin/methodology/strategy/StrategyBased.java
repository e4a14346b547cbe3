package org.marginconsult.margin.methodology.strategy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.FieldError;
import org.marginconsult.margin.GroupKind;
import org.marginconsult.margin.InstrumentType;
import org.marginconsult.margin.InvalidPortfolioException;
import org.marginconsult.margin.LineKind;
import org.marginconsult.margin.MarginResult;
import org.marginconsult.margin.MarginResultBuilder;
import org.marginconsult.margin.OptionType;
import org.marginconsult.margin.Position;
import org.marginconsult.margin.PositionValidator;
import org.marginconsult.margin.ValuationContext;
import org.marginconsult.margin.Warning;
import org.marginconsult.margin.methodology.RuleMethodology;
import org.marginconsult.margin.reference.ProductClass;
import org.marginconsult.margin.reference.ReferenceData;

/**
 * {@code STRATEGY_BASED}: today's margin of a securities account under Regulation T (12 CFR 220.12),
 * FINRA Rule 4210(c)-(f) and Cboe Rule 10.3, with the positions paired into the strategies of least
 * total requirement.
 *
 * <p>Positions of the same stock or option series are netted into {@link Leg}s; each underlying's legs
 * are paired by {@link PairingOptimiser} (exact min-cost flow over two-leg strategies, then complex
 * spreads); each strategy is priced by {@link StrategyRules}. The result's total is the initial
 * (Regulation T) requirement, its maintenance figure the FINRA requirement, and its sale proceeds the
 * short sales' proceeds that may be applied, shown and never netted. Every strategy is one breakdown
 * line giving its legs, quantity, arithmetic and rule; the lines add up to the total to the cent.
 *
 * <p>Covers STOCK, ETF, EQUITY_OPTION and INDEX_OPTION positions of the SECURITIES account; other
 * positions (futures-account instruments, Treasuries) are left out with a warning. Stateless and
 * thread-safe.
 */
public final class StrategyBased extends RuleMethodology<StrategyBasedParameters> {

    /** Methodology identifier. */
    public static final String ID = "STRATEGY_BASED";

    /** Implementation version; changes whenever a result could change for the same inputs. */
    public static final String VERSION = "1.6";

    /** Warning code: positions this methodology does not margin. */
    public static final String NOT_MARGINED = "NOT_MARGINED_BY_STRATEGY_BASED";

    /** Warning code: an underlying's pairing is not proven minimal (too many series for the exact search). */
    public static final String PAIRING_NOT_PROVEN_MINIMAL = "PAIRING_NOT_PROVEN_MINIMAL";

    /** Warning code: the maintenance figure of an underlying uses a different pairing from the breakdown. */
    public static final String MAINTENANCE_PAIRING = "MAINTENANCE_PAIRING_DIFFERS";

    private final StrategyRules rules;

    /**
     * @param parameters the rule's percentages and thresholds
     */
    public StrategyBased(StrategyBasedParameters parameters) {
        super(ID, VERSION, parameters);
        this.rules = new StrategyRules(parameters);
    }

    /** The methodology with the regulatory minimums ({@link StrategyBasedParameters#defaults()}). */
    public static StrategyBased withDefaults() {
        return new StrategyBased(StrategyBasedParameters.defaults());
    }

    @Override
    public MarginResult calculate(List<Position> positions, ValuationContext context) {
        StrategyPairing pairing = pairQuietly(positions, context);
        MarginResultBuilder result = resultBuilder(positions, context);
        List<Strategy> strategies = pairing.initial();
        // Explaining a strategy is independent of the others: on a large book, in parallel (in order).
        List<Line> lines = (strategies.size() > PARALLEL_LINES ? strategies.parallelStream() : strategies.stream())
                .map(s -> new Line(describe(rules.explained(s)), s.positionIds())).toList();
        for (int i = 0; i < strategies.size(); i++) {
            Strategy s = strategies.get(i);
            result.line(s.underlying(), GroupKind.STRATEGY, Account.SECURITIES, LineKind.STRATEGY_REQUIREMENT,
                    lines.get(i).description(), s.initial(), lines.get(i).positionIds());
        }
        result.maintenance(Account.SECURITIES, pairing.maintenanceRequirement());
        result.saleProceeds(Account.SECURITIES, pairing.saleProceeds());
        result.warnings(pairing.warnings());
        return result.build();
    }

    /**
     * Pairs the securities account's positions into strategies, without rounding: the structured form
     * of what {@link #calculate} reports.
     *
     * @param positions the portfolio, any order
     * @param context   valuation date and reference data
     * @return the pairings of least initial and least maintenance requirement
     * @throws InvalidPortfolioException when a position is invalid
     */
    public StrategyPairing pair(List<Position> positions, ValuationContext context) {
        StrategyPairing quiet = pairQuietly(positions, context);
        return new StrategyPairing(quiet.initial().stream().map(rules::explained).toList(),
                quiet.maintenance().stream().map(rules::explained).toList(), quiet.warnings());
    }

    /** The pairing with strategies not yet explained (explanations are built for the lines kept only). */
    private StrategyPairing pairQuietly(List<Position> positions, ValuationContext context) {
        PositionValidator.requireValid(positions, context.asOf());
        List<Warning> warnings = new ArrayList<>();
        List<Position> margined = new ArrayList<>();
        Map<InstrumentType, Integer> skipped = new EnumMap<>(InstrumentType.class);
        for (Position p : positions) {
            if (covered(p)) {
                margined.add(p);
            } else {
                skipped.merge(p.instrumentType(), 1, Integer::sum);
            }
        }
        warnings.addAll(context.referenceData().warnings(margined));
        for (Map.Entry<InstrumentType, Integer> e : skipped.entrySet()) {
            warnings.add(new Warning(NOT_MARGINED, e.getKey().name(), e.getValue() + " " + e.getKey()
                    + " position(s) are not margined by " + ID + ": it covers stocks, ETFs and listed equity and"
                    + " index options of the securities account"));
        }
        List<UnderlyingBook> books = books(positions, margined, context);
        List<BookPairing> perBook = (books.size() > 64 ? books.parallelStream() : books.stream())
                .map(this::pairBook).toList();
        List<Strategy> initial = new ArrayList<>();
        List<Strategy> maintenance = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        int bounded = 0;
        BigDecimal gap = BigDecimal.ZERO;
        BigDecimal maintenanceGap = BigDecimal.ZERO;
        for (int i = 0; i < books.size(); i++) {
            BookPairing r = perBook.get(i);
            initial.addAll(r.initial());
            maintenance.addAll(r.maintenance());
            if (r.unproven()) {
                unproven.add(books.get(i).underlying());
                if (r.bounded()) {
                    bounded++;
                    gap = gap.add(r.gap());
                    maintenanceGap = maintenanceGap.add(r.maintenanceGap());
                }
            }
            if (r.initial() != r.maintenance()) {
                warnings.add(new Warning(MAINTENANCE_PAIRING, books.get(i).underlying(), "the maintenance requirement"
                        + " of " + books.get(i).underlying() + " uses a different pairing from the breakdown, because"
                        + " covering an in-the-money call with stock costs more under FINRA Rule 4210 than under"
                        + " Regulation T: " + String.join("; ",
                                r.maintenance().stream().map(x -> describe(rules.explained(x))).toList())));
            }
        }
        if (!unproven.isEmpty()) {
            warnings.add(new Warning(PAIRING_NOT_PROVEN_MINIMAL, ID, unproven.size() + " underlying(s) have a"
                    + " multiplier class whose pairing with butterflies, condors and boxes no lower bound proved"
                    + " minimal (more than " + PairingOptimiser.DECOMPOSITION_LEGS + " option series, or the search's"
                    + " limits reached); their pairing is the best found, which is at or above the least requirement"
                    + " the rules allow, never below: "
                    + String.join(", ", unproven.subList(0, Math.min(20, unproven.size())))
                    + (unproven.size() > 20 ? ", ..." : "") + ". "
                    + gapStatement(bounded, gap, maintenanceGap, unproven.size() - bounded)));
        }
        return new StrategyPairing(initial, maintenance, warnings);
    }

    /**
     * What the lower bounds say of the underlyings not proven minimal: the initial requirement of those
     * with a bound on every class exceeds the least by at most their gaps added up (rounded up to the cent,
     * so the statement stays true), and their maintenance requirement by at most its own gaps where those are
     * not nil (an initial pairing may be proven and the maintenance one not); the others have a class too large
     * for any bound.
     */
    private static String gapStatement(int bounded, BigDecimal gap, BigDecimal maintenanceGap, int unbounded) {
        StringBuilder s = new StringBuilder();
        if (bounded > 0) {
            s.append("Lower bounds put the initial requirement of ").append(bounded).append(" of them at most $")
                    .append(gap.setScale(2, RoundingMode.CEILING).toPlainString())
                    .append(" in all above the least the rules allow");
            if (maintenanceGap.signum() > 0) {
                s.append(", and their maintenance requirement at most $")
                        .append(maintenanceGap.setScale(2, RoundingMode.CEILING).toPlainString());
            }
        }
        if (unbounded > 0) {
            s.append(bounded > 0 ? "; the other " : "").append(unbounded).append(bounded > 0 ? "" : " of them")
                    .append(unbounded == 1 ? " has" : " have").append(" more than ")
                    .append(PairingOptimiser.DECOMPOSITION_LEGS)
                    .append(" option series of one multiplier and no lower bound is computed for them");
        }
        return s.append('.').toString();
    }

    /** Strategies from which explaining them is shared between threads. */
    private static final int PARALLEL_LINES = 4_096;

    /** A breakdown line's description and position ids. */
    private record Line(String description, List<String> positionIds) {
    }

    /**
     * The pairings of one underlying, and whether either is not proven minimal.
     *
     * @param gap             by how much the initial pairing may exceed the least initial requirement, where
     *                        {@code bounded}
     * @param maintenanceGap  the same for the maintenance pairing (zero where the basis does not matter)
     * @param bounded         whether every class of the initial pairing got a lower bound
     */
    private record BookPairing(List<Strategy> initial, List<Strategy> maintenance, boolean unproven, BigDecimal gap,
            BigDecimal maintenanceGap, boolean bounded) {
    }

    private BookPairing pairBook(UnderlyingBook book) {
        PairingOptimiser optimiser = new PairingOptimiser(rules);
        List<Strategy> initial = optimiser.pair(book, PairingOptimiser.Basis.INITIAL);
        boolean unproven = optimiser.lastUnproven();
        BigDecimal gap = optimiser.lastGap;
        boolean bounded = optimiser.lastUnbounded == 0;
        List<Strategy> maintenance = initial;
        BigDecimal maintenanceGap = BigDecimal.ZERO;
        if (PairingOptimiser.basisMatters(book)) {
            List<Strategy> m = optimiser.pair(book, PairingOptimiser.Basis.MAINTENANCE);
            unproven |= optimiser.lastUnproven();
            maintenanceGap = optimiser.lastGap;
            if (!sameLegs(initial, m)) {
                maintenance = m;
            }
        }
        return new BookPairing(initial, maintenance, unproven, gap, maintenanceGap, bounded);
    }

    /** Whether two pairings hold the same strategies: kinds, legs (as {@link LegOrder#LEGS} tells them apart) and quantities. */
    private static boolean sameLegs(List<Strategy> a, List<Strategy> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            List<StrategyLeg> x = a.get(i).legs();
            List<StrategyLeg> y = b.get(i).legs();
            if (a.get(i).kind() != b.get(i).kind() || x.size() != y.size()) {
                return false;
            }
            for (int j = 0; j < x.size(); j++) {
                if (LegOrder.LEGS.compare(x.get(j).leg(), y.get(j).leg()) != 0
                        || !samePlainText(x.get(j).quantity(), y.get(j).quantity())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether two amounts print the same: equal, with as many decimals (none for a scale at or below 0). */
    private static boolean samePlainText(BigDecimal x, BigDecimal y) {
        return x.compareTo(y) == 0 && Math.max(0, x.scale()) == Math.max(0, y.scale());
    }

    private String describe(Strategy s) {
        return s.kind().label() + ": " + s.explanation() + " [" + s.kind().rule() + "]";
    }

    private static boolean covered(Position p) {
        return p.account() == Account.SECURITIES && switch (p.instrumentType()) {
            case STOCK, ETF, EQUITY_OPTION, INDEX_OPTION -> true;
            default -> false;
        };
    }

    /**
     * Nets the margined positions into legs per underlying, reporting series whose marks disagree. Series
     * are keyed by value (strike and multiplier compared numerically, so 50 and 50.00 are one series) in
     * hash maps; the order of the books (by underlying) and of each book's legs ({@link LegOrder#LEGS}) is
     * fixed after netting, so it never depends on the order of positions.
     */
    List<UnderlyingBook> books(List<Position> all, List<Position> margined, ValuationContext context) {
        PositionIndex index = new PositionIndex(all);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Map<SeriesKey, LegBuilder>> byUnderlying = new HashMap<>();
        for (Position p : margined) {
            boolean option = p.instrumentType().isOption();
            if (option && !wholeNumber(p.quantity())) {
                errors.add(new FieldError(index.of(p), "quantity", "options are held in whole contracts; got "
                        + p.quantity()));
                continue;
            }
            SeriesKey key = option ? new SeriesKey(p.optionType(), p.expiry(), p.strike(), p.multiplier()) : SeriesKey.STOCK;
            Map<SeriesKey, LegBuilder> legs = byUnderlying.computeIfAbsent(p.underlying(), u -> new HashMap<>());
            LegBuilder b = legs.get(key);
            if (b == null) {
                legs.put(key, new LegBuilder(p));
            } else {
                b.add(p, index, errors);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((x, y) -> Integer.compare(x.positionIndex(), y.positionIndex()));
            throw new InvalidPortfolioException(errors);
        }
        ReferenceData reference = context.referenceData();
        LocalDate longDatedAfter = context.asOf().plusMonths(parameters.longDatedOptionMonths());
        List<String> underlyings = new ArrayList<>(byUnderlying.keySet());
        underlyings.sort(null);
        // Each underlying's legs are built and ordered independently: on a large book, in parallel (in order).
        return (underlyings.size() > 64 ? underlyings.parallelStream() : underlyings.stream())
                .map(u -> book(u, byUnderlying.get(u).values(), reference, longDatedAfter))
                .filter(Objects::nonNull).toList();
    }

    /** The book of one underlying from its netted series, options in {@link LegOrder#LEGS}; null if all net to nil. */
    private UnderlyingBook book(String underlying, Collection<LegBuilder> series, ReferenceData reference,
            LocalDate longDatedAfter) {
        ProductClass productClass = reference.resolve(underlying).productClass();
        boolean broad = productClass == ProductClass.HIGH_CAP_BROAD_INDEX
                || productClass == ProductClass.OTHER_BROAD_INDEX;
        Leg stock = null;
        List<Leg> options = new ArrayList<>(series.size());
        for (LegBuilder b : series) {
            if (b.quantity.signum() == 0) {
                continue;
            }
            Leg leg = b.build(broad, longDatedAfter);
            if (leg.isOption()) {
                options.add(leg);
            } else {
                stock = leg;
            }
        }
        options.sort(LegOrder.LEGS);
        return stock != null || !options.isEmpty() ? new UnderlyingBook(underlying, stock, options) : null;
    }

    private static boolean wholeNumber(BigDecimal quantity) {
        return quantity.scale() <= 0 || quantity.stripTrailingZeros().scale() <= 0;
    }

    /**
     * One option series of an underlying (or its stock), equal by value: strike and multiplier compare
     * numerically, and their hash is that of their {@code double} value, which equal values share.
     */
    private record SeriesKey(OptionType type, LocalDate expiry, BigDecimal strike, BigDecimal multiplier) {
        static final SeriesKey STOCK = new SeriesKey(null, null, BigDecimal.ZERO, BigDecimal.ONE);

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey k && type == k.type && Objects.equals(expiry, k.expiry)
                    && strike.compareTo(k.strike) == 0 && multiplier.compareTo(k.multiplier) == 0;
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(type) * 31 + Objects.hashCode(expiry)) * 31
                    + Double.hashCode(strike.doubleValue())) * 31 + Double.hashCode(multiplier.doubleValue());
        }
    }

    /** Where each position is in the portfolio, for error messages: built on the first error only. */
    private static final class PositionIndex {
        private final List<Position> all;
        private Map<Position, Integer> index;

        PositionIndex(List<Position> all) {
            this.all = all;
        }

        int of(Position p) {
            if (index == null) {
                index = new IdentityHashMap<>();
                for (int i = 0; i < all.size(); i++) {
                    index.putIfAbsent(all.get(i), i);
                }
            }
            return index.get(p);
        }
    }

    /** Accumulates the positions of one series (or of one stock) into a leg. */
    private static final class LegBuilder {
        private final Position first;
        private BigDecimal quantity;
        private final List<String> ids = new ArrayList<>(2);

        LegBuilder(Position p) {
            first = p;
            quantity = p.quantity();
            ids.add(p.positionId());
        }

        void add(Position p, PositionIndex index, List<FieldError> errors) {
            String series = first.instrumentType().isOption() ? "option series" : "stock";
            if (p.price().compareTo(first.price()) != 0) {
                int firstIndex = index.of(first);
                errors.add(new FieldError(index.of(p), "price", "price " + p.price().toPlainString() + " differs from "
                        + first.price().toPlainString() + " of position " + firstIndex + " (" + first.positionId()
                        + "), the same " + series + ": one series has one mark"));
                return;
            }
            if (p.underlyingPrice() != null && p.underlyingPrice().compareTo(first.underlyingPrice()) != 0) {
                int firstIndex = index.of(first);
                errors.add(new FieldError(index.of(p), "underlyingPrice", "underlyingPrice "
                        + p.underlyingPrice().toPlainString() + " differs from " + first.underlyingPrice().toPlainString()
                        + " of position " + firstIndex + " (" + first.positionId() + "), the same " + series));
                return;
            }
            quantity = quantity.add(p.quantity());
            ids.add(p.positionId());
        }

        Leg build(boolean broad, LocalDate longDatedAfter) {
            ids.sort(null);
            Position p = first;
            if (!p.instrumentType().isOption()) {
                return new Leg(LegKind.STOCK, p.underlying(), null, null, BigDecimal.ONE, p.price(), p.price(), quantity,
                        false, broad, ids);
            }
            LegKind kind = p.optionType() == OptionType.CALL ? LegKind.CALL : LegKind.PUT;
            return new Leg(kind, p.underlying(), p.strike(), p.expiry(), p.multiplier(), p.price(), p.underlyingPrice(),
                    quantity, p.expiry().isAfter(longDatedAfter), broad, ids);
        }
    }
}
