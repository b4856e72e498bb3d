package dev.baton.shopify.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.catalog.Product;
import dev.baton.catalog.StorePlatform.Page;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.catalog.Variant;
import dev.baton.shopify.ShopifyFixtures;
import dev.baton.shopify.StoreApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A catalog above {@code baton.shopify.bulk-threshold} is read with one Bulk Operation: started, polled, its JSONL
 * downloaded and read (variants are not always right after their product), resumable from its cursor. The fixture
 * export holds 5 products, one of them a draft, and the threshold is 3.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopifyBulkSyncTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    static final String EXPORT = "/bulk/export-720918.jsonl";
    static final String OPERATION = "gid://shopify/BulkOperation/720918";

    static {
        shopify.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ShopifyBulkProducts bulk;

    StoreApi store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.shopify.base-url", shopify::baseUrl);
        registry.add("baton.shopify.retry-delay", () -> "50ms");
        registry.add("baton.shopify.max-retry-duration", () -> "1s");
        registry.add("baton.shopify.bulk-threshold", () -> "3");
        registry.add("baton.shopify.bulk-poll-interval", () -> "50ms");
        registry.add("baton.shopify.page-size", () -> "2");
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @BeforeEach
    void bigStore() {
        shopify.resetAll();
        ShopifyFixtures.stubStore(shopify);
        shopify.stubFor(ShopifyFixtures.graphQl("query Counts").atPriority(1).willReturn(ShopifyFixtures.json("counts.json",
                body -> body.replace("\"count\": 3", "\"count\": 5"))));
        shopify.stubFor(ShopifyFixtures.graphQl("mutation BulkRunQuery").willReturn(ShopifyFixtures.json("bulk/run.json")));
        // Shopify takes a while: the first poll finds the operation running, the next one done.
        shopify.stubFor(poll(OPERATION).inScenario("export").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("done").willReturn(ShopifyFixtures.json("bulk/running.json")));
        shopify.stubFor(poll(OPERATION).inScenario("export").whenScenarioStateIs("done")
                .willReturn(ShopifyFixtures.json("bulk/completed.json", body -> body.replace("BULK_URL", shopify.baseUrl() + EXPORT))));
        shopify.stubFor(get(urlEqualTo(EXPORT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/jsonl").withBody(ShopifyFixtures.read("bulk/products.jsonl"))));
        var account = accounts.create("Bulk test store");
        store = new StoreApi(port, account.apiKey());
    }

    @Test
    void aCatalogAboveTheThresholdIsSyncedFromOneBulkOperationInsteadOfPages() {
        Map<String, Object> connected = connect();

        Map<String, Object> job = store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");

        assertThat(job).containsEntry("total", 6).containsEntry("done", 6); // 5 products and 1 order
        await().atMost(Duration.ofSeconds(60)).until(() -> store.sources().size() == 6
                && store.sources().stream().allMatch(source -> "INDEXED".equals(source.get("status"))));
        assertThat(store.sources()).extracting(source -> source.get("title")).containsExactlyInAnyOrder(
                "Alpine Board", "Glacier Goggles", "Summit Helmet", "Powder Wax", "Refund policy", "Shipping policy");
        // Summit Helmet's second variant comes after another product in the file; it still belongs to the helmet.
        assertThat(store.text("Summit Helmet")).contains("M: CA$99.00, in stock (5 available)").contains("L: CA$99.00, out of stock");
        assertThat(store.text("Glacier Goggles")).contains("CA$129.00 (on sale, was CA$149.00)");
        shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("bulkOperationRunQuery")))
                .withRequestBody(matchingJsonPath("$.variables.query", containing("variants"))));
        shopify.verify(0, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query Products"))));
    }

    @Test
    void aFailedDownloadFailsTheJobAndTheNextSyncWaitsForTheSameOperationInsteadOfStartingAnother() {
        shopify.stubFor(get(urlEqualTo(EXPORT)).atPriority(1).inScenario("download")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("storage back")
                .willReturn(aResponse().withStatus(503)));
        Map<String, Object> connected = connect();
        Object jobId = connected.get("syncJobId");

        Map<String, Object> failed = store.awaitJob(jobId, "FAILED");
        assertThat((String) failed.get("error")).contains("HTTP 503").contains("resumed");

        Map<String, Object> resumed = store.sync(connected.get("id"));
        assertThat(resumed).containsEntry("jobId", jobId);
        assertThat(store.awaitJob(jobId, "SUCCEEDED")).containsEntry("done", 6);
        shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("bulkOperationRunQuery"))));
        shopify.verify(2, getRequestedFor(urlEqualTo(EXPORT)));
    }

    @Test
    void aResumedReadSkipsTheProductsAlreadyHandedOverAndCarriesTheCursorOn() {
        UUID integrationId = UUID.fromString((String) connect().get("id"));
        awaitFirstSync(integrationId);
        List<Page<Product>> pages = new ArrayList<>();

        bulk.read(integrationId, "bulk:" + OPERATION + ":2", pages::add);

        // Read from the end of the file: Powder Wax, Prototype Board (draft), then Summit Helmet, Glacier Goggles, Alpine Board.
        assertThat(pages).extracting(page -> page.items().stream().map(Product::title).toList())
                .containsExactly(List.of("Summit Helmet", "Glacier Goggles"), List.of("Alpine Board"));
        assertThat(pages.get(0).nextCursor()).isEqualTo("bulk:" + OPERATION + ":4");
        assertThat(pages.get(1).last()).isTrue();
        assertThat(pages.get(1).items().get(0).variants()).extracting(Variant::title).containsExactly("154 cm", "160 cm");
        shopify.verify(1, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("bulkOperationRunQuery"))));
    }

    @Test
    void anOperationThatFailedAtShopifyIsReplacedByANewOneReadFromTheStart() {
        UUID integrationId = UUID.fromString((String) connect().get("id"));
        awaitFirstSync(integrationId);
        String failedOperation = "gid://shopify/BulkOperation/615000";
        shopify.stubFor(poll(failedOperation).willReturn(ShopifyFixtures.json("bulk/failed.json")));
        List<Page<Product>> pages = new ArrayList<>();

        bulk.read(integrationId, "bulk:" + failedOperation + ":3", pages::add);

        assertThat(pages.get(0).items()).isEmpty();
        assertThat(pages.get(0).nextCursor()).isEqualTo("bulk:" + OPERATION + ":0");
        assertThat(pages.stream().mapToInt(page -> page.items().size()).sum()).isEqualTo(5);
        shopify.verify(2, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("bulkOperationRunQuery"))));
    }

    @Test
    void anExportShopifyRefusesToStartFailsWithShopifysReason() {
        UUID integrationId = UUID.fromString((String) connect().get("id"));
        awaitFirstSync(integrationId);
        shopify.stubFor(ShopifyFixtures.graphQl("mutation BulkRunQuery").atPriority(1).willReturn(ShopifyFixtures.json(
                "bulk/run.json", body -> body.replace("\"bulkOperation\": {\n        \"id\": \"gid://shopify/BulkOperation/720918\",\n        \"status\": \"CREATED\"\n      }", "\"bulkOperation\": null")
                        .replace("\"userErrors\": []", "\"userErrors\": [{\"field\": null, \"message\": \"A bulk query operation for this app and shop is already in progress: gid://shopify/BulkOperation/1.\", \"code\": \"OPERATION_IN_PROGRESS\"}]"))));

        assertThatThrownBy(() -> bulk.read(integrationId, "", page -> { }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("already in progress").hasMessageContaining("OPERATION_IN_PROGRESS");
    }

    private static MappingBuilder poll(String operation) {
        return ShopifyFixtures.graphQl("query BulkOperation").withRequestBody(matchingJsonPath("$.variables.id", equalTo(operation)));
    }

    private Map<String, Object> connect() {
        return store.connect("bigstore.myshopify.com", "shpat_good").getBody();
    }

    private void awaitFirstSync(UUID integrationId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.integration(integrationId).get("lastSyncedAt") != null);
    }
}
