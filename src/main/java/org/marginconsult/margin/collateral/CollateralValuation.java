package org.marginconsult.margin.collateral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.marginconsult.margin.Account;
import org.marginconsult.margin.Money;

/**
 * Applies haircut schedules to collateral: value = market value x (1 - haircut), computed exactly,
 * totals rounded HALF_UP to the cent once and item values reconciled to them ({@link Money}).
 */
public final class CollateralValuation {

    private CollateralValuation() {
    }

    /**
     * Values items, each under the schedule the function picks.
     *
     * @param items       the collateral
     * @param scheduleFor the schedule of each item
     * @param asOf        valuation date (Treasury remaining maturity)
     * @return the report
     */
    public static CollateralReport value(List<CollateralItem> items, Function<CollateralItem, HaircutSchedule> scheduleFor,
            LocalDate asOf) {
        List<BigDecimal> exactMarket = new ArrayList<>();
        List<BigDecimal> exactValue = new ArrayList<>();
        List<HaircutSchedule> schedules = new ArrayList<>();
        List<Double> haircuts = new ArrayList<>();
        for (CollateralItem item : items) {
            HaircutSchedule schedule = scheduleFor.apply(item);
            double h = schedule.haircut(item, asOf);
            schedules.add(schedule);
            haircuts.add(h);
            exactMarket.add(item.marketValue());
            exactValue.add(item.marketValue().multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(h))));
        }
        List<BigDecimal> market = Money.allocate(exactMarket);
        List<BigDecimal> value = Money.allocate(exactValue);
        List<CollateralValue> out = new ArrayList<>();
        BigDecimal totalMarket = Money.ZERO;
        BigDecimal totalValue = Money.ZERO;
        for (int i = 0; i < items.size(); i++) {
            CollateralItem item = items.get(i);
            out.add(new CollateralValue(item.id(), item.heldIn(), schedules.get(i).id(), haircuts.get(i), market.get(i),
                    market.get(i).subtract(value.get(i)), value.get(i)));
            totalMarket = totalMarket.add(market.get(i));
            totalValue = totalValue.add(value.get(i));
        }
        return new CollateralReport(out, totalMarket, totalValue);
    }

    /**
     * Collateral value today (securities-account items under {@code securitiesToday}, futures-account
     * items under {@code futuresToday}) against a proposal's single schedule.
     *
     * @param items           the collateral
     * @param securitiesToday today's schedule of the securities account
     * @param futuresToday    today's schedule of the futures account
     * @param proposal        the proposal's schedule
     * @param asOf            valuation date
     * @return the comparison
     */
    public static CollateralComparison compare(List<CollateralItem> items, HaircutSchedule securitiesToday,
            HaircutSchedule futuresToday, HaircutSchedule proposal, LocalDate asOf) {
        CollateralReport today = value(items,
                item -> item.heldIn() == Account.FUTURES ? futuresToday : securitiesToday, asOf);
        return new CollateralComparison(today, value(items, item -> proposal, asOf));
    }
}
