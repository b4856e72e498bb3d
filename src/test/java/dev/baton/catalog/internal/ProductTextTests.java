package dev.baton.catalog.internal;

import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.Variant;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTextTests {

    @Test
    void describesEachVariantWithPriceInTheShopsCurrencyAndStock() {
        Product boot = product(List.of(
                new Variant("42 / Black", List.of("42", "Black"), "B-42", new BigDecimal("129.5"), new BigDecimal("149"), 3, false, null),
                new Variant("43 / Black", List.of("43", "Black"), "B-43", new BigDecimal("129.5"), null, 0, false, null),
                new Variant("44 / Black", List.of("44", "Black"), "B-44", new BigDecimal("129.5"), null, 0, true, null)));

        String text = ProductText.describe(boot, "EUR");

        assertThat(text).startsWith("Trail Boot\n")
                .contains("Type: Boots. Brand: Northwind. Tags: hiking, leather.")
                .contains("Options: Size, Color.")
                .contains("- 42 / Black: €129.50 (on sale, was €149.00), in stock (3 available) (SKU B-42)")
                .contains("- 43 / Black: €129.50, out of stock (SKU B-43)")
                .contains("- 44 / Black: €129.50, out of stock, can be ordered")
                .contains("Product page: https://shop.example/products/trail-boot");
    }

    @Test
    void keepsTheDescriptionsListsReadable() {
        Product boot = product(List.of(new Variant("Default Title", List.of(), "B", new BigDecimal("10"), null, null, false, null)));

        String text = ProductText.describe(boot, "JPY");

        assertThat(text).contains("Waterproof leather.\n\n- Rubber sole\n- 1.2 kg")
                .contains("Price: ¥10. Available.").doesNotContain("<");
    }

    @Test
    void pricesReadAsTheStoreWritesThem() {
        Variant onSale = new Variant("Default Title", List.of(), "T", new BigDecimal("1234.5"), new BigDecimal("1499"),
                null, false, null);
        PriceFormat european = new PriceFormat(PriceFormat.SymbolPosition.RIGHT_SPACE, ".", ",", 2);
        PriceFormat spaced = new PriceFormat(PriceFormat.SymbolPosition.LEFT, " ", ".", 0);

        assertThat(ProductText.priceOf(onSale, "EUR", european)).isEqualTo("1.234,50 € (on sale, was 1.499,00 €)");
        assertThat(ProductText.money(new BigDecimal("1234567.891"), "EUR",
                new PriceFormat(PriceFormat.SymbolPosition.LEFT_SPACE, "", ",", 3))).isEqualTo("€ 1234567,891");
        assertThat(ProductText.money(new BigDecimal("1234.5"), "GBP", spaced)).isEqualTo("£1 235");
        assertThat(ProductText.money(new BigDecimal("9.99"), "USD",
                new PriceFormat(PriceFormat.SymbolPosition.RIGHT, ",", ".", 2))).isEqualTo("9.99$");
    }

    @Test
    void aStoreThatDoesNotSayKeepsTheCurrencysUsualFormat() {
        Variant variant = new Variant("Default Title", List.of(), "T", new BigDecimal("1234.6"), null, null, false, null);

        assertThat(ProductText.priceOf(variant, "USD", PriceFormat.STANDARD)).isEqualTo("$1,234.60")
                .isEqualTo(ProductText.priceOf(variant, "USD"));
        assertThat(ProductText.priceOf(variant, "JPY", PriceFormat.STANDARD)).isEqualTo("¥1,235");
    }

    private static Product product(List<Variant> variants) {
        return new Product("trail-boot", "trail-boot", "Trail Boot",
                "<p>Waterproof   leather.</p><ul><li>Rubber sole</li><li>1.2 kg</li></ul>", "Northwind", "Boots",
                List.of("hiking", "leather"), variants.size() > 1 ? List.of("Size", "Color") : List.of(),
                ProductStatus.ACTIVE, true, "https://shop.example/products/trail-boot", null,
                OffsetDateTime.parse("2026-11-01T00:00:00Z"), variants);
    }
}
