package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connecting a Shopify store with an Admin API token and syncing it, against WireMock answering like Shopify's
 * GraphQL Admin API: pages, throttling, failures that exhaust the retries, and resuming from the last cursor.
 * Run on both storage modes by its subclasses.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ShopifySyncTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    static final String GRAPHQL = ShopifyFixtures.GRAPHQL;
    static final String PAGE_2_CURSOR = ShopifyFixtures.PAGE_2_CURSOR;
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    static {
        shopify.start();
        // Shared by both storage modes' subclasses, so it outlives each test class.
        Runtime.getRuntime().addShutdownHook(new Thread(shopify::stop));
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.baton.catalog.internal.Reconciliation reconciliation;

    @Autowired
    org.jobrunr.storage.StorageProvider storageProvider;

    StoreApi store;
    RestClient api;
    java.util.UUID accountId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("baton.shopify.base-url", shopify::baseUrl);
        registry.add("baton.shopify.retry-delay", () -> "50ms");
        registry.add("baton.shopify.max-retry-duration", () -> "2s");
    }

    @BeforeEach
    void newAccountAndStore() {
        shopify.resetAll();
        stubStore();
        var account = accounts.create("Shopify test store");
        accountId = account.id();
        store = new StoreApi(port, account.apiKey());
        api = store.client();
    }

    @Test
    void connectingWithATokenSyncsPublishedProductsPoliciesAndOrders() {
        ResponseEntity<Map<String, Object>> connected = store.connect("snowdevil.myshopify.com", "shpat_good");

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(connected.getBody()).containsEntry("platform", "SHOPIFY").containsEntry("shop", "snowdevil.myshopify.com");
        Map<String, Object> job = store.awaitJob(connected.getBody().get("syncJobId"), "SUCCEEDED");
        assertThat(job).containsEntry("total", 4).containsEntry("done", 4);

        await().atMost(Duration.ofSeconds(60)).until(() -> store.sources().size() == 4
                && store.sources().stream().allMatch(source -> "INDEXED".equals(source.get("status"))));
        assertThat(store.sources()).extracting(source -> source.get("title")).containsExactlyInAnyOrder(
                "Powder Snowboard", "Carbon Bindings", "Refund policy", "Shipping policy");
        assertThat(store.sources()).allSatisfy(source -> assertThat(source)
                .containsEntry("origin", "SHOPIFY").containsEntry("locked", true));
        assertThat(store.text("Powder Snowboard")).contains("CA$449.00 (on sale, was CA$499.00)")
                .contains("158 cm: CA$449.00, out of stock").contains("https://snowdevil.example/products/powder-snowboard");
        assertThat(store.text("Carbon Bindings")).contains("- Carbon highback");
        assertThat(jdbc.sql("select fulfillments from catalog_order where account_id = :account and name = '#1001'")
                .param("account", accountId).query(String.class).single())
                .contains("7316123456789012");
        shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo("shpat_good"))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(PAGE_2_CURSOR))));
        Map<String, Object> integration = store.integration(connected.getBody().get("id"));
        assertThat(integration.get("lastSyncedAt")).isNotNull();
    }

    @Test
    void aTokenShopifyRefusesIsAnsweredWith422AndNothingIsStored() {
        shopify.stubFor(ShopifyFixtures.graphQl("query Shop").atPriority(1).withHeader("X-Shopify-Access-Token", equalTo("shpat_bad"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}")));

        ResponseEntity<Map<String, Object>> refused = store.connect("snowdevil.myshopify.com", "shpat_bad");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat((String) refused.getBody().get("detail")).contains("did not accept this access token");
        assertThat(api.get().uri("/api/v1/integrations").retrieve().body(LIST)).isEmpty();
    }

    @Test
    void aShopDomainThatIsNotShopifysIsRefused() {
        ResponseEntity<Map<String, Object>> refused = store.connect("evil.example.com", "shpat_good");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail")).contains("myshopify.com");
    }

    @Test
    void aSecondStoreConflictsUntilTheFirstIsDisconnected() {
        Map<String, Object> first = store.connect("first.myshopify.com", "shpat_good").getBody();
        store.awaitJob(first.get("syncJobId"), "SUCCEEDED");

        ResponseEntity<Map<String, Object>> second = store.connect("second.myshopify.com", "shpat_good");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        api.delete().uri("/api/v1/integrations/{id}", first.get("id")).retrieve().toBodilessEntity();
        assertThat(store.connect("second.myshopify.com", "shpat_good").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void throttledAnswersAreRetriedUntilShopifyHasRoom() {
        shopify.stubFor(ShopifyFixtures.graphQl("query Products").atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("room again")
                .willReturn(ShopifyFixtures.json("throttled.json")));

        Map<String, Object> connected = store.connect("busy.myshopify.com", "shpat_good").getBody();

        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        shopify.verify(3, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query Products"))));
    }

    @Test
    void aStoreThatKeepsFailingFailsTheJobAndTheNextSyncResumesFromItsCursor() {
        shopify.stubFor(ShopifyFixtures.productsPage2().atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

        Map<String, Object> connected = store.connect("flaky.myshopify.com", "shpat_good").getBody();
        Object jobId = connected.get("syncJobId");
        Map<String, Object> failed = store.awaitJob(jobId, "FAILED");
        assertThat((String) failed.get("error")).contains("HTTP 503");
        assertThat(failed).containsEntry("phase", "PRODUCTS").containsEntry("done", 2);

        shopify.resetAll();
        stubStore();
        Map<String, Object> resumed = store.sync(connected.get("id"));
        assertThat(resumed).containsEntry("jobId", jobId);
        assertThat(store.awaitJob(jobId, "SUCCEEDED")).containsEntry("done", 4);
        shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query Products")))
                .withRequestBody(matchingJsonPath("$.variables.after", absent())));
    }

    @Test
    void productsGoneFromTheStoreAreRemovedByTheNextSync() {
        Map<String, Object> connected = store.connect("shrinking.myshopify.com", "shpat_good").getBody();
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> store.titles().contains("Carbon Bindings"));

        shopify.stubFor(ShopifyFixtures.graphQl("query Products").atPriority(1).willReturn(ShopifyFixtures.json("products-page1.json",
                body -> body.replace("\"hasNextPage\" : true", "\"hasNextPage\" : false")
                        .replace("\"hasNextPage\": true", "\"hasNextPage\": false"))));
        Map<String, Object> again = store.sync(connected.get("id"));
        store.awaitJob(again.get("jobId"), "SUCCEEDED");

        await().atMost(Duration.ofSeconds(60)).until(() -> !store.titles().contains("Carbon Bindings"));
        assertThat(store.titles()).contains("Powder Snowboard");
    }

    @Test
    void theScheduledReconciliationSyncsConnectedStoresAgainAndCatchesMissedDeletions() {
        Map<String, Object> connected = store.connect("reconciled.myshopify.com", "shpat_good").getBody();
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> store.titles().contains("Carbon Bindings"));
        // Carbon Bindings is deleted in the store, and the webhook that said so never arrived.
        shopify.stubFor(ShopifyFixtures.graphQl("query Products").atPriority(1).willReturn(ShopifyFixtures.json(
                "products-page1.json", body -> body.replace("\"hasNextPage\": true", "\"hasNextPage\": false"))));

        assertThat(storageProvider.getRecurringJobs()).anySatisfy(job ->
                assertThat(job.getId()).isEqualTo("store-reconciliation"));
        reconciliation.reconcileAll();

        await().atMost(Duration.ofSeconds(60)).until(() -> !store.titles().contains("Carbon Bindings"));
    }

    @Test
    void anotherAccountsIntegrationAndJobAreNotFound() {
        Map<String, Object> connected = store.connect("private.myshopify.com", "shpat_good").getBody();
        RestClient other = new StoreApi(port, accounts.create("Someone else").apiKey()).client();

        assertThat(other.post().uri("/api/v1/integrations/{id}/sync", connected.get("id")).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.get().uri("/api/v1/sync-jobs/{id}", connected.get("syncJobId")).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
    }

    private void stubStore() {
        ShopifyFixtures.stubStore(shopify);
    }

}
