package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shopify.StoreApi;
import org.junit.jupiter.api.AfterAll;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WooCommerce store's policies that Baton cannot find: listed as missing after a sync, a page picked by the owner
 * (read at once, kept by later syncs), or written by hand. The store is WireMock answering like the WooCommerce
 * REST API v3 and the WordPress REST API; it has no shipping page Baton would recognise.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WooCommercePolicyTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    static {
        woo.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    StoreApi store;
    Object integrationId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "1s");
    }

    @AfterAll
    static void stop() {
        woo.stop();
    }

    @BeforeEach
    void newAccountAndStore() {
        woo.resetAll();
        WooCommerceFixtures.stubStore(woo);
        WooCommercePolicyFixtures.stubPublishedPages(woo);
        store = new StoreApi(port, accounts.create("WooCommerce policies").apiKey());
    }

    /** Connects the store with keys and waits for its first sync. */
    void connectAndSync() {
        Map<String, Object> connected = store.client().post().uri("/api/v1/integrations/woocommerce")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", "http://localhost:" + woo.port(), "consumerKey", "ck_good",
                        "consumerSecret", "cs_good"))
                .retrieve().body(OBJECT);
        integrationId = connected.get("id");
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
    }

    List<Map<String, Object>> policies(StoreApi api) {
        return api.client().get().uri("/api/v1/integrations/{id}/policies", integrationId).retrieve().body(LIST);
    }

    Map<String, String> statuses() {
        return policies(store).stream().collect(Collectors.toMap(policy -> (String) policy.get("type"),
                policy -> (String) policy.get("status")));
    }

    ResponseEntity<Map<String, Object>> choose(StoreApi api, String type, Map<String, Object> choice) {
        return api.client().put().uri("/api/v1/integrations/{id}/policies/{type}", integrationId, type)
                .contentType(MediaType.APPLICATION_JSON).body(choice).retrieve().toEntity(OBJECT);
    }

    void awaitIndexedSource(String title) {
        await().atMost(Duration.ofSeconds(60)).until(() -> store.sources().stream().anyMatch(source ->
                title.equals(source.get("title")) && "INDEXED".equals(source.get("status"))));
    }

    Map<String, Object> source(String title) {
        return store.sources().stream().filter(source -> title.equals(source.get("title"))).findFirst().orElseThrow();
    }

    long syncJobs() {
        return jdbc.sql("select count(*) from sync_job where integration_id = :id")
                .param("id", UUID.fromString(integrationId.toString())).query(Long.class).single();
    }

    @Test
    void aSyncListsThePoliciesItFoundAndTheMissingShippingPolicy() {
        connectAndSync();

        List<Map<String, Object>> policies = policies(store);

        assertThat(policies).extracting(policy -> policy.get("type")).containsExactly("REFUND_POLICY",
                "SHIPPING_POLICY", "PRIVACY_POLICY", "TERMS_OF_SERVICE");
        assertThat(statuses()).containsEntry("REFUND_POLICY", "FOUND").containsEntry("SHIPPING_POLICY", "MISSING")
                .containsEntry("PRIVACY_POLICY", "MISSING").containsEntry("TERMS_OF_SERVICE", "FOUND");
        assertThat(policies.get(3).get("page")).isEqualTo(Map.of("id", 41, "title", "Terms & Conditions",
                "link", "https://example.com/terms-and-conditions/"));
        assertThat(policies.get(1)).containsEntry("label", "Shipping policy").containsEntry("page", null);
        assertThat(policies.get(1).get("checkedAt")).isNotNull();
    }

    @Test
    void thePrivacyPageIsTheOneWooCommercesAccountsAndPrivacySettingNames() {
        WooCommercePolicyFixtures.stubPrivacySetting(woo);

        connectAndSync();

        assertThat(statuses()).containsEntry("PRIVACY_POLICY", "FOUND");
        awaitIndexedSource("Our Privacy Notice");
        assertThat(store.text("Our Privacy Notice")).contains("We keep your order data for 5 years.");
        woo.verify(getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages/3")));
    }

    @Test
    void theOwnerChoosesFromEveryPublishedPageOfTheStore() {
        connectAndSync();

        List<Map<String, Object>> pages = store.client().get().uri("/api/v1/integrations/{id}/pages", integrationId)
                .retrieve().body(LIST);

        assertThat(pages).extracting(page -> page.get("title")).containsExactly("About us", "Delivery & Shipping",
                "Refund and Returns Policy", "Sample Page", "Terms & Conditions");
        assertThat(pages.get(1)).containsEntry("id", 57).containsEntry("slug", "delivery")
                .containsEntry("link", "https://example.com/delivery/");
        woo.verify(getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages")).withQueryParam("status", equalTo("publish"))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("2"))
                .withQueryParam("_fields", equalTo("id,title,link,slug")));
    }

    @Test
    void pickingAPageMakesALockedSyncedSourceAtOnceAndLaterSyncsReadItFirst() {
        connectAndSync();

        ResponseEntity<Map<String, Object>> picked = choose(store, "SHIPPING_POLICY", Map.of("pageId", 57));

        assertThat(picked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(picked.getBody()).containsEntry("status", "PICKED");
        awaitIndexedSource("Delivery & Shipping");
        assertThat(source("Delivery & Shipping")).containsEntry("origin", "WOOCOMMERCE").containsEntry("locked", true);
        assertThat(store.text("Delivery & Shipping")).contains("- Rest of the EU: 3–5 working days, 7.90 €.");
        assertThat(syncJobs()).as("applied without a sync").isEqualTo(1);

        Map<String, Object> resync = store.sync(integrationId);
        store.awaitJob(resync.get("jobId"), "SUCCEEDED");

        assertThat(statuses()).containsEntry("SHIPPING_POLICY", "PICKED");
        assertThat(source("Delivery & Shipping")).containsEntry("locked", true);
        woo.verify(2, getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages/57")));
        woo.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages"))
                .withQueryParam("slug", equalTo("shipping-policy")));
    }

    @Test
    void aPageTheStoreDoesNotHaveIsRefusedWith422() {
        connectAndSync();

        ResponseEntity<Map<String, Object>> refused = choose(store, "SHIPPING_POLICY", Map.of("pageId", 999));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) refused.getBody().get("detail")).contains("has no published page with id 999");
        assertThat(statuses()).containsEntry("SHIPPING_POLICY", "MISSING");
        assertThat(choose(store, "SHIPPING_POLICY", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(choose(store, "CONTACT_INFORMATION", Map.of("pageId", 57)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherAccountCanNeitherSeeNorPickThisStoresPolicies() {
        connectAndSync();
        StoreApi other = new StoreApi(port, accounts.create("Another shop").apiKey());

        assertThat(other.client().get().uri("/api/v1/integrations/{id}/policies", integrationId).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.client().get().uri("/api/v1/integrations/{id}/pages", integrationId).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(choose(other, "SHIPPING_POLICY", Map.of("pageId", 57)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(choose(other, "SHIPPING_POLICY", Map.of("byHand", true)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(statuses()).containsEntry("SHIPPING_POLICY", "MISSING");
        woo.verify(0, getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages/57")));
    }

    @Test
    void aPolicyWrittenByHandIsNoLongerMissingAndSyncsStopLookingForIt() {
        connectAndSync();

        ResponseEntity<Map<String, Object>> byHand = choose(store, "SHIPPING_POLICY", Map.of("byHand", true));
        assertThat(byHand.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byHand.getBody()).containsEntry("status", "MANUAL");
        awaitIndexedSource("Terms & Conditions");
        choose(store, "TERMS_OF_SERVICE", Map.of("byHand", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.titles().stream().noneMatch("Terms & Conditions"::equals));

        Map<String, Object> resync = store.sync(integrationId);
        store.awaitJob(resync.get("jobId"), "SUCCEEDED");

        assertThat(statuses()).containsEntry("SHIPPING_POLICY", "MANUAL").containsEntry("TERMS_OF_SERVICE", "MANUAL");
        assertThat(store.titles()).doesNotContain("Terms & Conditions");
        woo.verify(1, getRequestedFor(urlPathEqualTo("/wp-json/wp/v2/pages"))
                .withQueryParam("slug", equalTo("shipping-policy")));

        Map<String, Object> again = store.client().delete()
                .uri("/api/v1/integrations/{id}/policies/{type}", integrationId, "terms-of-service")
                .retrieve().body(OBJECT);
        assertThat(again).containsEntry("status", "FOUND");
        awaitIndexedSource("Terms & Conditions");
    }

    @Test
    void aStoreThatCannotBeReachedWhileListingPagesAnswers502WithItsReason() {
        connectAndSync();
        woo.stubFor(get(urlPathEqualTo("/wp-json/wp/v2/pages")).withQueryParam("_fields", equalTo("id,title,link,slug"))
                .atPriority(0).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody(WooCommerceFixtures.MAINTENANCE_PAGE)));

        ResponseEntity<Map<String, Object>> failed = store.client().get()
                .uri("/api/v1/integrations/{id}/pages", integrationId).retrieve().toEntity(OBJECT);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat((String) failed.getBody().get("detail")).contains("Briefly unavailable for scheduled maintenance");
    }
}
