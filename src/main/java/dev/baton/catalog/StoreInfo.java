package dev.baton.catalog;

/**
 * The shop itself. {@code currency} is an ISO 4217 code; {@code url} has no trailing slash; {@code priceFormat} is how
 * the shop writes prices ({@link PriceFormat#STANDARD} when the platform does not say).
 */
public record StoreInfo(String name, String currency, String email, String url, PriceFormat priceFormat) {

    public StoreInfo {
        priceFormat = priceFormat == null ? PriceFormat.STANDARD : priceFormat;
    }

    /** A shop whose prices read the currency's usual way. */
    public StoreInfo(String name, String currency, String email, String url) {
        this(name, currency, email, url, PriceFormat.STANDARD);
    }
}
