package org.marginconsult.margin.methodology.portfoliomargin;

import java.util.List;

/**
 * The whole portfolio-margin calculation of a securities account in double, before rounding: class
 * groups and the product groups that combine them (FINRA Rule 4210(g)).
 *
 * <p>Requirement = sum over product groups of max(largest group loss after offsets, sum of per-contract
 * minimums). 4210(g) sets one requirement, so initial = maintenance. Immutable.
 *
 * @param parameters    the parameters applied
 * @param classGroups   every class group, sorted by underlying
 * @param productGroups every product group (a lone class group is its own), sorted by id
 * @param requirement   the account's requirement, USD, not rounded
 */
public record PortfolioMarginAssessment(PortfolioMarginParameters parameters, List<ClassGroupRisk> classGroups,
        List<ProductGroupRisk> productGroups, double requirement) {

    /** Copies the lists. */
    public PortfolioMarginAssessment {
        classGroups = List.copyOf(classGroups);
        productGroups = List.copyOf(productGroups);
    }

    /**
     * One class group.
     *
     * @param underlying the class group's underlying
     * @return the class group, or null when the account holds nothing on it
     */
    public ClassGroupRisk classGroup(String underlying) {
        for (ClassGroupRisk g : classGroups) {
            if (g.underlying().equals(underlying)) {
                return g;
            }
        }
        return null;
    }
}
