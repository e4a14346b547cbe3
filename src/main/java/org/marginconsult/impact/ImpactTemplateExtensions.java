package org.marginconsult.impact;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateExtension;

/** Amount formatting for impact templates: {@code {impact:usd(amount)}}, {@code {impact:signed(change)}}. */
@TemplateExtension(namespace = "impact")
public class ImpactTemplateExtensions {

    static String usd(BigDecimal amount) {
        return ImpactView.money(amount);
    }

    static String signed(BigDecimal amount) {
        return ImpactView.signedMoney(amount);
    }

    static String percent(BigDecimal percent) {
        return ImpactView.percent(percent);
    }
}
