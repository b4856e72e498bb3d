package dev.baton.catalog;

import java.util.Locale;

/**
 * How the store writes its prices: where the currency symbol goes, its separators and how many decimals it shows
 * (WooCommerce's currency options), so that Baton quotes "21,99 €" to the shoppers of a store that shows "21,99 €".
 * {@link #STANDARD} is the currency's usual way in English ("$1,234.50", "¥1,235") for stores that do not say.
 *
 * @param decimals how many decimals are shown; -1: the currency's own number (as {@link #STANDARD} has it)
 */
public record PriceFormat(SymbolPosition symbolPosition, String thousandSeparator, String decimalSeparator,
        int decimals) {

    public static final PriceFormat STANDARD = new PriceFormat(SymbolPosition.LEFT, ",", ".", -1);

    public enum SymbolPosition {
        LEFT, RIGHT, LEFT_SPACE, RIGHT_SPACE;

        /** WooCommerce's {@code woocommerce_currency_pos} values ("left", "right_space"...); LEFT for anything else. */
        public static SymbolPosition of(String value) {
            try {
                return value == null ? LEFT : valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return LEFT;
            }
        }
    }

    public PriceFormat {
        symbolPosition = symbolPosition == null ? SymbolPosition.LEFT : symbolPosition;
        thousandSeparator = thousandSeparator == null ? "" : thousandSeparator;
        decimalSeparator = decimalSeparator == null || decimalSeparator.isEmpty() ? "." : decimalSeparator;
        decimals = Math.max(-1, Math.min(decimals, 8));
    }
}
