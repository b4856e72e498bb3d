package dev.baton.woocommerce.internal;

import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.StoreInfo;
import dev.baton.woocommerce.internal.payload.WcSetting;
import org.jsoup.parser.Parser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shop as the catalog keeps it: WooCommerce's REST API does not name the shop, WordPress does (the site title,
 * the host when the title cannot be read); the currency and the way prices are written come from WooCommerce's
 * general settings, so Baton quotes prices as the store's own pages show them.
 */
final class StoreDetails {

    private StoreDetails() {
    }

    static StoreInfo of(StoreAddress address, Optional<String> siteName, List<WcSetting> general) {
        Map<String, String> settings = general.stream().filter(setting -> setting.id() != null)
                .collect(Collectors.toMap(WcSetting::id, WcSetting::text, (a, b) -> a));
        return new StoreInfo(siteName.orElse(address.host()), settings.getOrDefault("woocommerce_currency", ""), "",
                address.url(), priceFormat(settings));
    }

    /**
     * WooCommerce's defaults where a setting is missing (left, ",", ".", 2). The separators are kept as typed,
     * spaces included (a space is a common thousand separator); entities such as {@code &nbsp;} are decoded.
     */
    static PriceFormat priceFormat(Map<String, String> settings) {
        return new PriceFormat(PriceFormat.SymbolPosition.of(settings.getOrDefault("woocommerce_currency_pos", "left")),
                Parser.unescapeEntities(settings.getOrDefault("woocommerce_price_thousand_sep", ","), false),
                Parser.unescapeEntities(settings.getOrDefault("woocommerce_price_decimal_sep", "."), false),
                decimals(settings.getOrDefault("woocommerce_price_num_decimals", "2")));
    }

    private static int decimals(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 2;
        }
    }
}
