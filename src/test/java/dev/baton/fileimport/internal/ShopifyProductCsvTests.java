package dev.baton.fileimport.internal;

import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.Variant;
import dev.baton.shared.BatonException;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopifyProductCsvTests {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T12:00:00Z");

    @Test
    void readsTheDemoStoresCurrentFormatExport() throws Exception {
        List<Product> products;
        try (Reader csv = new InputStreamReader(getClass().getResourceAsStream("/knowledge/demo-store/products.csv"),
                StandardCharsets.UTF_8)) {
            products = ShopifyProductCsv.read(csv, "https://shop.example", NOW);
        }

        assertThat(products).hasSize(50);
        assertThat(products.stream().filter(Product::visibleToShoppers)).hasSize(46);
        Product runner = products.stream().filter(p -> p.handle().equals("ridgeline-trail-runner-mens")).findFirst().orElseThrow();
        assertThat(runner.title()).isEqualTo("Ridgeline Trail Runner - Men's");
        assertThat(runner.optionNames()).containsExactly("Size", "Color");
        assertThat(runner.url()).isEqualTo("https://shop.example/products/ridgeline-trail-runner-mens");
        assertThat(runner.variants()).hasSizeGreaterThan(1)
                .allSatisfy(variant -> assertThat(variant.optionValues()).hasSize(2));
        assertThat(products.stream().filter(p -> p.status() == ProductStatus.DRAFT)).isNotEmpty();
    }

    @Test
    void readsTheLegacyColumnNamesToo() {
        String csv = """
                Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Price,Variant Compare At Price,Status
                wool-hat,Wool Hat,<p>Warm.</p>,Acme,Hats,"winter, wool",TRUE,Color,Red,HAT-R,shopify,0,continue,25.00,30.00,active
                wool-hat,,,,,,,,Blue,HAT-B,shopify,4,deny,25.00,,
                wool-hat,,,,,,,,,,,,,,,
                """;

        Product hat = ShopifyProductCsv.read(new StringReader(csv), "https://shop.example", NOW).get(0);

        assertThat(hat.tags()).containsExactly("winter", "wool");
        assertThat(hat.variants()).extracting(Variant::title).containsExactly("Red", "Blue");
        Variant red = hat.variants().get(0);
        assertThat(red.compareAtPrice()).isEqualByComparingTo(new BigDecimal("30.00"));
        assertThat(red.inventoryQuantity()).isZero();
        assertThat(red.available()).as("sold when out of stock").isTrue();
        assertThat(hat.variants().get(1).continueSellingWhenOutOfStock()).isFalse();
    }

    @Test
    void aProductWithoutOptionsHasOneDefaultVariant() {
        String csv = """
                Title,URL handle,Option1 name,Option1 value,Price,Inventory tracker,Inventory quantity,Status,Published on online store
                Gift Card,gift-card,Title,Default Title,50.00,,,Active,TRUE
                """;

        Product card = ShopifyProductCsv.read(new StringReader(csv), "https://shop.example", NOW).get(0);

        assertThat(card.optionNames()).isEmpty();
        assertThat(card.variants()).singleElement().satisfies(variant -> {
            assertThat(variant.title()).isEqualTo("Default Title");
            assertThat(variant.inventoryTracked()).isFalse();
        });
    }

    @Test
    void aFileThatIsNotAProductExportIsRefusedWithTheMissingColumn() {
        assertThatThrownBy(() -> ShopifyProductCsv.read(new StringReader("name,email\nAnn,ann@example.com\n"),
                "https://shop.example", NOW))
                .isInstanceOf(BatonException.class)
                .hasMessageContaining("'URL handle'");
    }

    @Test
    void aPriceThatIsNotANumberNamesItsRow() {
        String csv = """
                Title,URL handle,Price
                Mug,mug,twelve
                """;
        assertThatThrownBy(() -> ShopifyProductCsv.read(new StringReader(csv), "https://shop.example", NOW))
                .isInstanceOf(BatonException.class)
                .hasMessageContaining("Row 1").hasMessageContaining("twelve");
    }
}
