package org.marginconsult.portfolio;

import java.util.List;

/**
 * A portfolio's metadata as the uploader typed it (form fields, query parameters or JSON), before
 * validation: every value is text, possibly empty.
 *
 * @param label        the portfolio's name; a new upload under the same label is its next version
 * @param asOf         the date the positions are as of, YYYY-MM-DD
 * @param firmCategory one of {@link FirmCategory}'s names
 * @param collateral   posted collateral lines, possibly none
 */
public record MetadataInput(String label, String asOf, String firmCategory, List<CollateralInput> collateral) {

    public MetadataInput {
        collateral = collateral == null ? List.of() : List.copyOf(collateral);
    }

    /**
     * One collateral line as typed.
     *
     * @param account     SECURITIES or FUTURES: where it is posted
     * @param asset       one of {@link CollateralAsset}'s names
     * @param marketValue market value in USD before haircut
     * @param maturity    for US_TREASURY only: the maturity date, YYYY-MM-DD
     */
    public record CollateralInput(String account, String asset, String marketValue, String maturity) {

        boolean isBlank() {
            return blank(account) && blank(asset) && blank(marketValue) && blank(maturity);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
