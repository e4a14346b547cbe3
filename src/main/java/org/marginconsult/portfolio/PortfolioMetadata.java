package org.marginconsult.portfolio;

import org.marginconsult.margin.Account;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A portfolio's validated metadata.
 *
 * @param label        1 to 120 characters
 * @param asOf         not after today (server clock) and not before 2000
 * @param firmCategory the uploading firm's category
 * @param collateral   posted collateral, possibly none
 */
public record PortfolioMetadata(String label, LocalDate asOf, FirmCategory firmCategory,
        List<CollateralLine> collateral) {

    static final int MAX_LABEL = 120;
    static final int MAX_COLLATERAL_LINES = 50;
    static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);

    /**
     * The outcome of checking typed metadata.
     *
     * @param metadata the metadata when valid, else null
     * @param asOf     the as-of date when it alone is valid (positions' expiries are checked against it)
     * @param errors   one per bad field
     */
    public record Checked(PortfolioMetadata metadata, LocalDate asOf, List<UploadError> errors) {
    }

    /**
     * Checks typed metadata.
     *
     * @param input what the uploader typed
     * @param today today's date by the server clock (UTC), the latest as-of date accepted
     */
    public static Checked check(MetadataInput input, LocalDate today) {
        List<UploadError> errors = new ArrayList<>();
        String label = input.label() == null ? "" : input.label().strip();
        if (label.isEmpty()) {
            errors.add(error("label", "label is required: name the portfolio, e.g. 'Q4 cross-margin book'."));
        } else if (label.length() > MAX_LABEL) {
            errors.add(error("label", "label is " + label.length() + " characters long: at most " + MAX_LABEL + "."));
        } else if (label.chars().anyMatch(Character::isISOControl)) {
            errors.add(error("label", "label contains a control character (a tab, a line break or a NUL): remove it."));
        } else {
            Optional<String> identifier = ClientIdentifierGuard.identifierKind(label);
            identifier.ifPresent(kind -> errors.add(new UploadError(null, "label", "label looks like " + kind + ": "
                    + ClientIdentifierGuard.ADVICE, ErrorKind.CLIENT_IDENTIFIER)));
        }
        LocalDate asOf = null;
        String asOfText = input.asOf() == null ? "" : input.asOf().strip();
        if (asOfText.isEmpty()) {
            errors.add(error("asOf", "asOf is required: the date the positions are as of, YYYY-MM-DD."));
        } else {
            LocalDate parsed = CellParser.date(asOfText, "asOf", (kind, message) -> errors.add(error("asOf", message)));
            if (parsed != null && parsed.isAfter(today)) {
                errors.add(error("asOf", "asOf " + parsed + " is after today, " + today + " by the server clock (UTC):"
                        + " a portfolio cannot be as of a future date."));
            } else if (parsed != null && parsed.isBefore(EARLIEST_AS_OF)) {
                errors.add(error("asOf", "asOf " + parsed + " is before " + EARLIEST_AS_OF + ", the earliest accepted."));
            } else {
                asOf = parsed;
            }
        }
        FirmCategory category = null;
        String categoryText = input.firmCategory() == null ? "" : input.firmCategory().strip();
        if (categoryText.isEmpty()) {
            errors.add(error("firmCategory", "firmCategory is required: one of " + names(FirmCategory.values()) + "."));
        } else {
            category = CellParser.code(categoryText, FirmCategory.class, "firmCategory",
                    (kind, message) -> errors.add(error("firmCategory", message)));
        }
        List<CollateralLine> collateral = collateral(input.collateral(), asOf, errors);
        PortfolioMetadata metadata = errors.isEmpty() ? new PortfolioMetadata(label, asOf, category, collateral) : null;
        return new Checked(metadata, asOf, List.copyOf(errors));
    }

    private static List<CollateralLine> collateral(List<MetadataInput.CollateralInput> inputs, LocalDate asOf,
            List<UploadError> errors) {
        List<MetadataInput.CollateralInput> lines = inputs.stream().filter(c -> !c.isBlank()).toList();
        if (lines.size() > MAX_COLLATERAL_LINES) {
            errors.add(error("collateral", "There are " + lines.size() + " collateral lines: at most "
                    + MAX_COLLATERAL_LINES + "; group them by account and asset."));
            return List.of();
        }
        List<CollateralLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            MetadataInput.CollateralInput c = lines.get(i);
            String prefix = "collateral[" + (i + 1) + "].";
            int before = errors.size();
            Account account = required(c.account(), prefix + "account", Account.class, errors);
            CollateralAsset asset = required(c.asset(), prefix + "asset", CollateralAsset.class, errors);
            BigDecimal value = null;
            String valueText = c.marketValue() == null ? "" : c.marketValue().strip();
            if (valueText.isEmpty()) {
                errors.add(error(prefix + "marketValue", prefix + "marketValue is required: the USD market value"
                        + " before haircut."));
            } else {
                value = CellParser.decimal(valueText, prefix + "marketValue",
                        (kind, message) -> errors.add(error(prefix + "marketValue", message)));
                if (value != null && value.signum() <= 0) {
                    errors.add(error(prefix + "marketValue", prefix + "marketValue must be positive, got "
                            + value.toPlainString() + "."));
                } else if (value != null && value.scale() > 2) {
                    errors.add(error(prefix + "marketValue", prefix + "marketValue is in USD: at most 2 decimals,"
                            + " got " + value.toPlainString() + "."));
                }
            }
            String maturityText = c.maturity() == null ? "" : c.maturity().strip();
            LocalDate maturity = null;
            if (asset == CollateralAsset.US_TREASURY) {
                if (maturityText.isEmpty()) {
                    errors.add(error(prefix + "maturity", prefix + "maturity is required for US_TREASURY: the"
                            + " haircut depends on it."));
                } else {
                    maturity = CellParser.date(maturityText, prefix + "maturity",
                            (kind, message) -> errors.add(error(prefix + "maturity", message)));
                    if (maturity != null && asOf != null && !maturity.isAfter(asOf)) {
                        errors.add(error(prefix + "maturity", prefix + "maturity " + maturity + " is not after the"
                                + " as-of date " + asOf + ": the Treasury has matured."));
                    }
                }
            } else if (!maturityText.isEmpty() && asset != null) {
                errors.add(error(prefix + "maturity", prefix + "maturity applies only to US_TREASURY and must be empty"
                        + " for " + asset + "."));
            }
            if (errors.size() == before) {
                out.add(new CollateralLine(account, asset, value.setScale(2, RoundingMode.UNNECESSARY), maturity));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E required(String text, String column, Class<E> type, List<UploadError> errors) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            errors.add(error(column, column + " is required: one of " + names(type.getEnumConstants()) + "."));
            return null;
        }
        return CellParser.code(t, type, column, (kind, message) -> errors.add(error(column, message)));
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }

    private static UploadError error(String column, String message) {
        return new UploadError(null, column, message, ErrorKind.INVALID_METADATA);
    }
}
