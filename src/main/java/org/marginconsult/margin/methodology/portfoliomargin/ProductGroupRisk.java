package org.marginconsult.margin.methodology.portfoliomargin;

import java.util.List;

import org.marginconsult.margin.reference.ProductClass;

/**
 * A portfolio-margin product group (FINRA Rule 4210(g); 17 CFR 240.15c3-1a(b)(1)(v)(C)): class groups
 * of one product class whose gains offset each other's losses at a percentage (90% high-cap
 * diversified index, 75% other diversified index, 50% narrow-based index by default).
 *
 * <p>At every valuation point: group loss = sum of the class groups' losses - offset x sum of their
 * gains. Requirement = max(largest group loss, 0, sum of the class groups' minimums). A class group
 * whose product class forms no product group (single equities, crypto) is a product group of its own
 * with offset 0, and its requirement is its standalone requirement.
 *
 * <p>Immutable; USD as double.
 *
 * @param id           the product class name, or the underlying for a class group standing alone
 * @param productClass the product class
 * @param offset       the share of gains that offsets losses (0 for a lone class group)
 * @param classGroups  the class groups, sorted by underlying
 * @param scenarioLoss the group loss at each point after the offset (positive = loss)
 * @param worstScenario index of the point with the largest group loss
 * @param scanRisk     the largest group loss, at least zero
 * @param minimum      the sum of the class groups' minimums
 * @param requirement  max(scan risk, minimum)
 */
public record ProductGroupRisk(String id, ProductClass productClass, double offset, List<ClassGroupRisk> classGroups,
        double[] scenarioLoss, int worstScenario, double scanRisk, double minimum, double requirement) {

    /** Copies the list and the array. */
    public ProductGroupRisk {
        classGroups = List.copyOf(classGroups);
        scenarioLoss = scenarioLoss.clone();
    }

    /**
     * Combines class groups of one product class that share a grid.
     *
     * @param id           the group id
     * @param productClass the product class
     * @param offset       share of gains offsetting losses
     * @param classGroups  the class groups, on the same grid, sorted
     * @return the product group
     */
    static ProductGroupRisk of(String id, ProductClass productClass, double offset, List<ClassGroupRisk> classGroups) {
        int s = classGroups.get(0).grid().size();
        double[] losses = new double[s];
        double[] gains = new double[s];
        double minimum = 0;
        for (ClassGroupRisk g : classGroups) {
            double[] pnl = g.scenarioPnl();
            for (int j = 0; j < s; j++) {
                if (pnl[j] < 0) {
                    losses[j] -= pnl[j];
                } else {
                    gains[j] += pnl[j];
                }
            }
            minimum += g.minimum();
        }
        double[] groupLoss = new double[s];
        int worst = 0;
        for (int j = 0; j < s; j++) {
            groupLoss[j] = losses[j] - offset * gains[j];
            if (groupLoss[j] > groupLoss[worst]) {
                worst = j;
            }
        }
        double scan = Math.max(0.0, groupLoss[worst]);
        return new ProductGroupRisk(id, productClass, offset, classGroups, groupLoss, worst, scan, minimum,
                Math.max(scan, minimum));
    }

    /** The sum of the class groups' standalone requirements, before the offset. */
    public double standaloneRequirement() {
        double sum = 0;
        for (ClassGroupRisk g : classGroups) {
            sum += g.requirement();
        }
        return sum;
    }

    /** The offset recognised: requirement minus the standalone sum (zero or negative). */
    public double offsetAmount() {
        return requirement - standaloneRequirement();
    }

    /** The group loss at each point after the offset (a copy). */
    @Override
    public double[] scenarioLoss() {
        return scenarioLoss.clone();
    }
}
