package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
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
import org.springframework.web.client.RestClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shopify's webhooks keep a synced store fresh: signed, deduplicated, never letting an older payload win, and
 * honouring uninstall and the compliance topics. Each test connects its own shop and syncs it first.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopifyWebhookTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    static final String SECRET = "shpss_webhook_secret";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    static {
        shopify.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    RestClient api;
    UUID accountId;
    String shop;
    Object integrationId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.shopify.base-url", shopify::baseUrl);
        registry.add("baton.shopify.api-secret", () -> SECRET);
        registry.add("baton.shopify.retry-delay", () -> "50ms");
        registry.add("baton.shopify.max-retry-duration", () -> "2s");
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @BeforeEach
    void connectAndSync() {
        shopify.resetAll();
        ShopifyFixtures.stubStore(shopify);
        var account = accounts.create("Webhook test store");
        accountId = account.id();
        api = client().defaultHeader("Authorization", "Bearer " + account.apiKey()).build();
        shop = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
        Map<String, Object> connected = api.post().uri("/api/v1/integrations/shopify").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("shop", shop, "accessToken", "shpat_good")).retrieve().body(OBJECT);
        integrationId = connected.get("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(api.get()
                .uri("/api/v1/sync-jobs/{id}", connected.get("syncJobId")).retrieve().body(OBJECT).get("status")));
        await().atMost(Duration.ofSeconds(60)).until(() -> text("Powder Snowboard").contains("CA$449.00"));
    }

    @Test
    void aPriceChangeIsSearchableSoonAfterTheWebhook() {
        ResponseEntity<String> answer = deliver("products/update", ShopifyFixtures.read("webhook-products-update.json"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> searchText("Powder Snowboard price").contains("CA$399.00"));
    }

    @Test
    void aSyncThatReadsAnOlderVersionThanAWebhookBroughtKeepsTheWebhooksVersion() {
        // The webhook's product is dated 2026-11-24; the store's listing (a stale read) still says 2026-11-20.
        deliver("products/update", ShopifyFixtures.read("webhook-products-update.json"));
        await().atMost(Duration.ofSeconds(10)).until(() -> text("Powder Snowboard").contains("CA$399.00"));

        Object jobId = api.post().uri("/api/v1/integrations/{id}/sync", integrationId).retrieve().body(OBJECT).get("jobId");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(api.get()
                .uri("/api/v1/sync-jobs/{id}", jobId).retrieve().body(OBJECT).get("status")));

        assertThat(text("Powder Snowboard")).contains("CA$399.00").doesNotContain("CA$449.00 (on sale");
        assertThat(jdbc.sql("select updated_at from catalog_product where account_id = :account and title = 'Powder Snowboard'")
                .param("account", accountId).query(java.time.OffsetDateTime.class).single())
                .isAfter(java.time.OffsetDateTime.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void aBadSignatureOrAnUnknownShopIsRefusedAndNothingIsStored() {
        String body = ShopifyFixtures.read("webhook-products-update.json");

        assertThat(deliver("products/update", body, "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ==", shop, UUID.randomUUID().toString())
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deliver("products/update", body, sign(body), "stranger.myshopify.com", UUID.randomUUID().toString())
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(storedWebhooks()).isZero();
        assertThat(text("Powder Snowboard")).contains("CA$449.00");
    }

    @Test
    void aDuplicateDeliveryIsAcknowledgedAndProcessedOnce() {
        String body = ShopifyFixtures.read("webhook-products-update.json");
        String eventId = UUID.randomUUID().toString();

        assertThat(deliver("products/update", body, sign(body), shop, eventId).getBody()).contains("\"duplicate\":false");
        assertThat(deliver("products/update", body, sign(body), shop, eventId).getBody()).contains("\"duplicate\":true");
        assertThat(storedWebhooks()).isEqualTo(1);
    }

    @Test
    void anOlderUpdateArrivingLateNeverOverwritesANewerOne() {
        String newer = ShopifyFixtures.read("webhook-products-update.json");
        String older = newer.replace("\"updated_at\": \"2026-11-24T12:00:00-05:00\"", "\"updated_at\": \"2026-11-20T12:00:00-05:00\"")
                .replace("399.00", "999.00");

        deliver("products/update", newer);
        await().atMost(Duration.ofSeconds(10)).until(() -> text("Powder Snowboard").contains("CA$399.00"));
        deliver("products/update", older);
        await().atMost(Duration.ofSeconds(10)).until(() -> processedWebhooks() == 2);

        assertThat(text("Powder Snowboard")).contains("CA$399.00").doesNotContain("999");
    }

    @Test
    void unpublishingOrDeletingAProductTakesItOutOfTheKnowledgeBase() {
        deliver("products/update", ShopifyFixtures.read("webhook-products-update.json")
                .replace("\"published_at\": \"2026-10-01T10:00:00-04:00\"", "\"published_at\": null"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !titles().contains("Powder Snowboard"));

        deliver("products/delete", "{\"id\": 103}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !titles().contains("Carbon Bindings"));
    }

    @Test
    void anOrderUpdateIsKeptForOrderLookups() {
        deliver("orders/updated", ShopifyFixtures.read("webhook-orders-updated.json"));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select fulfillments from catalog_order where account_id = :account and name = '#1001'")
                .param("account", accountId).query(String.class).single().contains("7316999999999999"));
    }

    @Test
    void uninstallDisconnectsAndShopRedactErasesTheShopsData() {
        deliver("app/uninstalled", "{\"id\": 690933842, \"name\": \"Snowdevil\", \"domain\": \"snowdevil.example\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(api.get()
                .uri("/api/v1/integrations/{id}", integrationId).retrieve().body(OBJECT).get("connected")));
        assertThat(titles()).contains("Powder Snowboard");

        deliver("shop/redact", "{\"shop_id\": 954889, \"shop_domain\": \"" + shop + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> titles().isEmpty());
        assertThat(jdbc.sql("select count(*) from catalog_order where account_id = :account").param("account", accountId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from shopify_store where account_id = :account").param("account", accountId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void customersRedactDeletesThatCustomersOrders() {
        deliver("customers/redact", """
                {"shop_id": 954889, "shop_domain": "%s",
                 "customer": {"id": 191167, "email": "bob.norman@mail.example.com", "phone": "555-625-1199"},
                 "orders_to_redact": [450789469]}""".formatted(shop));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from catalog_order where account_id = :account")
                .param("account", accountId).query(Long.class).single() == 0);
    }

    @Test
    void aCustomersDataRequestIsRecordedWithAnExportOfTheirOrders() {
        deliver("customers/data_request", """
                {"shop_id": 954889, "shop_domain": "%s", "orders_requested": [450789469],
                 "customer": {"id": 191167, "email": "bob.norman@mail.example.com", "phone": "555-625-1199"},
                 "data_request": {"id": 9999}}""".formatted(shop));

        await().atMost(Duration.ofSeconds(10)).until(() -> !api.get().uri("/api/v1/integrations/shopify/data-requests")
                .retrieve().body(LIST).isEmpty());
        Object id = api.get().uri("/api/v1/integrations/shopify/data-requests").retrieve().body(LIST).get(0).get("id");
        ResponseEntity<String> export = api.get().uri("/api/v1/integrations/shopify/data-requests/{id}/export", id)
                .retrieve().toEntity(String.class);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).startsWith("data-request-");
        assertThat(export.getBody()).contains("bob.norman@mail.example.com").contains("#1001").contains("7316123456789012");
    }

    private ResponseEntity<String> deliver(String topic, String body) {
        return deliver(topic, body, sign(body), shop, UUID.randomUUID().toString());
    }

    private ResponseEntity<String> deliver(String topic, String body, String hmac, String shopDomain, String eventId) {
        return client().build().post().uri("/webhooks/shopify").contentType(MediaType.APPLICATION_JSON)
                .header("X-Shopify-Topic", topic).header("X-Shopify-Hmac-Sha256", hmac)
                .header("X-Shopify-Shop-Domain", shopDomain).header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString()).header("X-Shopify-API-Version", "2026-10")
                .body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(String.class);
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long storedWebhooks() {
        return jdbc.sql("select count(*) from shopify_webhook where account_id = :account").param("account", accountId)
                .query(Long.class).single();
    }

    private long processedWebhooks() {
        return jdbc.sql("select count(*) from shopify_webhook where account_id = :account and processed_at is not null")
                .param("account", accountId).query(Long.class).single();
    }

    private List<Object> titles() {
        return api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST).stream()
                .map(source -> source.get("title")).toList();
    }

    private String text(String title) {
        return api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST).stream()
                .filter(source -> title.equals(source.get("title")) && "INDEXED".equals(source.get("status")))
                .findFirst()
                .map(source -> api.get().uri("/api/v1/knowledge/sources/{id}/text", source.get("id")).retrieve().body(String.class))
                .orElse("");
    }

    @SuppressWarnings("unchecked")
    private String searchText(String query) {
        Map<String, Object> response = api.post().uri("/api/v1/knowledge/search").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("query", query, "limit", 3)).retrieve().body(OBJECT);
        return ((List<Map<String, Object>>) response.get("results")).stream()
                .map(result -> (String) result.get("text")).reduce("", String::concat);
    }

    private RestClient.Builder client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
    }
}
