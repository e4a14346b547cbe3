package org.marginconsult.margin.methodology.cross;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.marginconsult.margin.reference.ProductClass;

/**
 * Every number a cross-margin proposal decides (docs/methodology/cross-margin.md). Immutable.
 *
 * @param gridMode               own grids (today's methodologies per account) or one grid per risk group
 * @param classGrids             risk-group grid per product class of the group's driver (all classes
 *                               required with {@link GridMode#RISK_GROUP_GRIDS})
 * @param riskGroupGrids         grids for particular risk groups, overriding their class's grid
 * @param offsetFactor           f in [0, 1]: per scenario, a group's loss = loss side - f x gain side,
 *                               the sides being the two accounts' P&amp;L in the group
 * @param riskGroupOffsetFactors f for particular risk groups, overriding {@code offsetFactor}
 * @param credits                inter-group credits, formed in this order
 * @param minimumPerContract     minimum charge per option or futures contract as a share of its
 *                               multiplier (FINRA 4210(g): $0.375 x multiplier); 0 for none
 * @param concentration          concentration add-on
 * @param floorShare             the requirement is at least this share of the siloed requirement (0.2 caps
 *                               savings at 80%); 0 for no floor
 */
public record CrossMarginParameters(
        GridMode gridMode,
        Map<ProductClass, GroupGrid> classGrids,
        Map<String, GroupGrid> riskGroupGrids,
        double offsetFactor,
        Map<String, Double> riskGroupOffsetFactors,
        List<GroupCredit> credits,
        double minimumPerContract,
        ConcentrationAddOn concentration,
        double floorShare) {

    /** Checks the ranges of every parameter and that offsets are only asked for on common grids. */
    public CrossMarginParameters {
        if (gridMode == null) {
            throw new IllegalArgumentException("gridMode is required: OWN_GRIDS or RISK_GROUP_GRIDS");
        }
        requireValues("classGrids", classGrids);
        requireValues("riskGroupGrids", riskGroupGrids);
        requireValues("riskGroupOffsetFactors", riskGroupOffsetFactors);
        for (GroupCredit c : credits == null ? List.<GroupCredit>of() : credits) {
            if (c == null) {
                throw new IllegalArgumentException("credits must each be a pair of groups and a rate, not null");
            }
        }
        classGrids = classGrids == null || classGrids.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new EnumMap<>(classGrids));
        riskGroupGrids = riskGroupGrids == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(riskGroupGrids));
        riskGroupOffsetFactors = riskGroupOffsetFactors == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(riskGroupOffsetFactors));
        credits = credits == null ? List.of() : List.copyOf(credits);
        concentration = concentration == null ? ConcentrationAddOn.NONE : concentration;
        requireShare("offsetFactor", offsetFactor);
        for (Map.Entry<String, Double> e : riskGroupOffsetFactors.entrySet()) {
            requireShare("riskGroupOffsetFactors." + e.getKey(), e.getValue());
        }
        requireShare("floorShare", floorShare);
        if (!(minimumPerContract >= 0) || !Double.isFinite(minimumPerContract)) {
            throw new IllegalArgumentException("minimumPerContract must not be negative");
        }
        if (gridMode == GridMode.OWN_GRIDS && minimumPerContract != 0) {
            throw new IllegalArgumentException("with OWN_GRIDS each account's own methodology applies its own "
                    + "minimums: minimumPerContract must be 0");
        }
        if (gridMode == GridMode.OWN_GRIDS) {
            boolean offsets = offsetFactor != 0 || riskGroupOffsetFactors.values().stream().anyMatch(f -> f != 0)
                    || !credits.isEmpty();
            if (offsets) {
                throw new IllegalArgumentException("offsets and credits need a common grid: with OWN_GRIDS the "
                        + "offset factor must be 0 and there can be no credits");
            }
        } else {
            List<ProductClass> missing = new ArrayList<>();
            for (ProductClass pc : ProductClass.values()) {
                if (!classGrids.containsKey(pc)) {
                    missing.add(pc);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("RISK_GROUP_GRIDS needs a grid for every product class; missing "
                        + missing);
            }
        }
    }

    /** A map of settings may leave a key out (the published value then applies), not give it no value. */
    private static void requireValues(String name, Map<?, ?> settings) {
        if (settings == null) {
            return;
        }
        for (Map.Entry<?, ?> e : settings.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException(name + "." + e.getKey() + " needs a value, not null (leave it"
                        + " out to keep the published one)");
            }
        }
    }

    private static void requireShare(String name, Double value) {
        if (value == null || !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    /**
     * The offset factor of a risk group.
     *
     * @param riskGroup group id
     * @return its f
     */
    public double offsetFactor(String riskGroup) {
        return riskGroupOffsetFactors.getOrDefault(riskGroup, offsetFactor);
    }

    /**
     * The grid of a risk group.
     *
     * @param riskGroup    group id
     * @param productClass product class of the group's driver
     * @return its grid
     */
    public GroupGrid grid(String riskGroup, ProductClass productClass) {
        GroupGrid g = riskGroupGrids.get(riskGroup);
        return g != null ? g : classGrids.get(productClass);
    }

    /** The same parameters with a different offset factor for every group (overrides dropped). */
    public CrossMarginParameters withOffsetFactor(double f) {
        return new CrossMarginParameters(gridMode, classGrids, riskGroupGrids, f, Map.of(), credits,
                minimumPerContract, concentration, floorShare);
    }

    /** The same parameters without inter-group credits. */
    public CrossMarginParameters withoutCredits() {
        return new CrossMarginParameters(gridMode, classGrids, riskGroupGrids, offsetFactor, riskGroupOffsetFactors,
                List.of(), minimumPerContract, concentration, floorShare);
    }

    /** The same parameters without minimum charges, concentration add-on and floor. */
    public CrossMarginParameters withoutAddOnsOrFloor() {
        return new CrossMarginParameters(gridMode, classGrids, riskGroupGrids, offsetFactor, riskGroupOffsetFactors,
                credits, 0, ConcentrationAddOn.NONE, 0);
    }

    /** Today's siloed regime expressed as a proposal: own grids, no offsets, credits, add-ons or floor. */
    public static CrossMarginParameters ownGrids() {
        return new CrossMarginParameters(GridMode.OWN_GRIDS, Map.of(), Map.of(), 0, Map.of(), List.of(), 0,
                ConcentrationAddOn.NONE, 0);
    }

    /** Deterministic text of every value, for input hashes. */
    public String canonicalForm() {
        StringBuilder sb = new StringBuilder("mode=").append(gridMode);
        classGrids.forEach((k, v) -> sb.append(";grid.").append(k).append('=').append(v.canonicalForm()));
        riskGroupGrids.forEach((k, v) -> sb.append(";groupGrid.").append(k).append('=').append(v.canonicalForm()));
        sb.append(";f=").append(offsetFactor);
        riskGroupOffsetFactors.forEach((k, v) -> sb.append(";f.").append(k).append('=').append(v));
        for (GroupCredit c : credits) {
            sb.append(";credit=").append(c.groupA()).append('/').append(c.groupB()).append('@').append(c.rate());
        }
        sb.append(";min=").append(minimumPerContract);
        sb.append(";concentration=").append(concentration.thresholdUsd()).append('@').append(concentration.rate());
        sb.append(";floor=").append(floorShare);
        return sb.toString();
    }
}
