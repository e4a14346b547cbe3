package org.marginconsult.margin.methodology.portfoliomargin;

import java.util.List;

import org.marginconsult.margin.Position;

/**
 * The whole portfolio-margin calculation of a securities account in double, before rounding: class
 * groups and the product groups that combine them (FINRA Rule 4210(g)).
 *
 * <p>Requirement = sum over product groups of max(largest group loss after offsets, sum of per-contract
 * minimums), plus the strategy-based charge of Treasuries held in the account (4210(g)'s grid does not
 * margin them; FINRA Rule 4210(e)(2)(A) does). 4210(g) sets one requirement, so initial = maintenance.
 * Immutable.
 *
 * @param parameters    the parameters applied
 * @param classGroups   every class group, sorted by underlying
 * @param productGroups every product group (a lone class group is its own), sorted by id
 * @param treasuries    the Treasuries' strategy-based charges, sorted by position id
 * @param requirement   the account's requirement, USD, not rounded
 */
public record PortfolioMarginAssessment(PortfolioMarginParameters parameters, List<ClassGroupRisk> classGroups,
        List<ProductGroupRisk> productGroups, List<TreasuryCharge> treasuries, double requirement) {

    /**
     * The strategy-based charge of one Treasury (FINRA Rule 4210(e)(2)(A)): a rate of its market value
     * set by its remaining maturity.
     *
     * @param position the Treasury
     * @param years    remaining maturity in years (days / 365)
     * @param rate     the rate applied
     * @param charge   rate x |market value|, USD
     */
    public record TreasuryCharge(Position position, double years, double rate, double charge) {
    }

    /** Copies the lists. */
    public PortfolioMarginAssessment {
        classGroups = List.copyOf(classGroups);
        productGroups = List.copyOf(productGroups);
        treasuries = List.copyOf(treasuries);
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
