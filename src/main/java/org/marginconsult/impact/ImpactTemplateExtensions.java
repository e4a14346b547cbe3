package org.marginconsult.impact;

import java.math.BigDecimal;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;
import org.marginconsult.margin.Money;

/** Amount formatting for impact templates: {@code {impact:usd(amount)}}, {@code {impact:signed(change)}}. */
@TemplateExtension(namespace = "impact")
public class ImpactTemplateExtensions {

    static String usd(BigDecimal amount) {
        return ImpactView.money(amount);
    }

    static String signed(BigDecimal amount) {
        return ImpactView.signedMoney(amount);
    }

    /** The amount under {@code key}, zero where the breakdown has no line for it. */
    static String usdOf(Map<String, BigDecimal> amounts, String key) {
        return ImpactView.money(amounts.getOrDefault(key, Money.ZERO));
    }

    /** The change under {@code key}, zero where the breakdown has no line for it. */
    static String signedOf(Map<String, BigDecimal> changes, String key) {
        return ImpactView.signedMoney(changes.getOrDefault(key, Money.ZERO));
    }

    static String percent(BigDecimal percent) {
        return ImpactView.percent(percent);
    }
}
