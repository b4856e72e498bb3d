package dev.baton.fileimport;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Product;
import dev.baton.catalog.Variant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A first start with the demo store: every published product and every policy becomes a locked, indexed source,
 * unpublished ones do not, orders are kept as records, and the shopper's return question finds the refund policy;
 * the products the agent reads follow every change.
 * Run by one subclass per storage mode.
 */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.bootstrap.api-key=" + DemoStoreTests.API_KEY, "baton.bootstrap.demo-store=true"})
abstract class DemoStoreTests {

    static final String API_KEY = "demo-store-test-key";
    /** products.csv has 50 products, 4 of them draft, archived or unpublished; plus 5 policies. */
    static final int VISIBLE_PRODUCTS = 46;
    static final int POLICIES = 5;

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Catalog catalog;

    @Test
    void demoStoreBecomesLockedIndexedSourcesAndAnswersTheReturnQuestion() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + API_KEY).build();

        await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
            return sources.size() == VISIBLE_PRODUCTS + POLICIES
                    && sources.stream().allMatch(source -> "INDEXED".equals(source.get("status")));
        });
        List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
        assertThat(sources).allSatisfy(source -> assertThat(source)
                .containsEntry("origin", "FILE_IMPORT").containsEntry("locked", true));
        assertThat(sources).extracting(source -> source.get("title"))
                .contains("Refund policy", "Shipping policy", "Ridgeline Trail Runner - Men's")
                .doesNotContain("Field Waxed Canvas Jacket", "Insulated Trail Gaiter");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) api.post().uri("/api/v1/knowledge/search")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", "can I return shoes I bought last month?", "limit", 5))
                .retrieve().body(OBJECT).get("results");
        assertThat(results.get(0)).containsEntry("title", "Refund policy");

        assertThat(jdbc.sql("select count(*) from catalog_order").query(Long.class).single()).isEqualTo(12);
    }

    /** What the agent reads every turn is kept between turns; a change at the store must show on the next one. */
    @Test
    void shopperProductsShowEveryChangeTheStoreMakes() {
        UUID account = jdbc.sql("select id from account").query(UUID.class).single();
        await().atMost(Duration.ofSeconds(60)).until(() -> catalog.shopperProducts(account).size() == VISIBLE_PRODUCTS);
        Product before = catalog.shopperProducts(account).stream()
                .filter(product -> product.variants().size() > 1).findFirst().orElseThrow();
        Variant first = before.variants().get(0);
        int stock = first.inventoryQuantity() == null ? 5 : first.inventoryQuantity() + 7;
        List<Variant> variants = new java.util.ArrayList<>(before.variants());
        variants.set(0, new Variant(first.title(), first.optionValues(), first.sku(), first.price().add(BigDecimal.ONE),
                null, stock, false, first.weightGrams()));
        catalog.applyProduct(account, CatalogOrigin.FILE_IMPORT, new Product(before.externalId(), before.handle(),
                before.title() + " (new)", before.descriptionHtml(), before.vendor(), before.productType(), before.tags(),
                before.optionNames(), before.status(), before.published(), before.url(), before.imageUrl(),
                before.updatedAt(), variants));

        Product after = catalog.shopperProducts(account).stream()
                .filter(product -> product.externalId().equals(before.externalId())).findFirst().orElseThrow();
        assertThat(after.title()).isEqualTo(before.title() + " (new)");
        assertThat(after.variants().get(0).inventoryQuantity()).isEqualTo(stock);
        assertThat(after.variants().get(0).price()).isEqualByComparingTo(first.price().add(BigDecimal.ONE));
        assertThat(after.variants()).hasSameSizeAs(before.variants());

        catalog.removeProduct(account, CatalogOrigin.FILE_IMPORT, before.externalId());
        assertThat(catalog.shopperProducts(account)).hasSize(VISIBLE_PRODUCTS - 1)
                .noneMatch(product -> product.externalId().equals(before.externalId()));

        catalog.applyProduct(account, CatalogOrigin.FILE_IMPORT, before); // as it was, for the other test
        assertThat(catalog.shopperProducts(account)).hasSize(VISIBLE_PRODUCTS).contains(before);
    }
}
