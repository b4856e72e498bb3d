package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.catalog.Catalog;
import dev.baton.shopify.StoreApi;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WooCommerce's webhook deliveries keep a synced store fresh: signed with the store's own secret, deduplicated by
 * resource and date_modified_gmt, an older state never winning. Each test connects and syncs its own store first.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WooCommerceWebhookTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Product 794's date in the synced listing is 2017-03-23T20:01:14. */
    private static final String NEWER = "2017-03-24T10:00:00";
    private static final String LATER_THAN_NEWER = "2017-03-25T10:00:00";

    static {
        woo.start();
        // Shared by both storage modes' test classes, so it outlives each of them.
        Runtime.getRuntime().addShutdownHook(new Thread(woo::stop));
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    StoreApi store;
    UUID accountId;
    Object integrationId;
    String secret;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "2s");
        registry.add("baton.public-url", () -> "https://baton.example.com");
    }

    @BeforeEach
    void connectAndSync() {
        woo.resetAll();
        WooCommerceFixtures.stubStore(woo);
        WooCommerceFixtures.stubWebhookApi(woo);
        var account = accounts.create("WooCommerce webhook store");
        accountId = account.id();
        store = new StoreApi(port, account.apiKey());
        Map<String, Object> connected = store.client().post().uri("/api/v1/integrations/woocommerce")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", "http://localhost:" + woo.port(), "consumerKey", "ck_good",
                        "consumerSecret", "cs_good"))
                .retrieve().body(OBJECT);
        integrationId = connected.get("id");
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> text("Premium Quality").contains("stock (12 available)"));
        secret = (String) store.client().get().uri("/api/v1/integrations/woocommerce/{id}/webhooks", integrationId)
                .retrieve().body(OBJECT).get("secret");
        assertThat(secret).isNotBlank();
    }

    @Test
    void aStockChangeIsSearchableAndOnTheProductSoonAfterTheDelivery() {
        ResponseEntity<Map<String, Object>> answer = deliver("product.updated",
                WooCommerceFixtures.product794(NEWER, 3, "publish"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).containsEntry("outcome", "stored");
        await().atMost(WAIT).until(() -> searchText("Premium Quality tee stock").contains("stock (3 available)"));
        assertThat(catalog.product(accountId, "794").orElseThrow().variants().get(0).inventoryQuantity()).isEqualTo(3);
    }

    @Test
    void aBadOrMissingSignatureOrAnUnknownStoreIsRefusedAndNothingIsStored() {
        String body = WooCommerceFixtures.product794(NEWER, 3, "publish");

        ResponseEntity<Map<String, Object>> forged = deliver(integrationId, "product.updated", body,
                sign(body, "someone-elses-secret"));
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody()).containsEntry("status", 401).containsKey("detail");
        assertThat(deliver(integrationId, "product.updated", body, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deliver(UUID.randomUUID(), "product.updated", body, sign(body, secret)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deliver("not-an-id", "product.updated", body, sign(body, secret)).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(storedDeliveries()).isZero();
        assertThat(text("Premium Quality")).contains("stock (12 available)");
        assertThat(catalog.product(accountId, "794").orElseThrow().variants().get(0).inventoryQuantity()).isEqualTo(12);
    }

    @Test
    void malformedJsonWithAValidSignatureIsABadRequestAndNothingIsStored() {
        String body = "{\"id\": 794, \"stock_quantity\": ";

        assertThat(deliver("product.updated", body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(storedDeliveries()).isZero();
    }

    @Test
    void theCreationPingIsAnsweredAndNothingIsStored() {
        ResponseEntity<Map<String, Object>> ping = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/webhooks/woocommerce/{id}", integrationId)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("webhook_id=142")
                .retrieve().toEntity(OBJECT);

        assertThat(ping.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ping.getBody()).containsEntry("outcome", "ping");
        assertThat(storedDeliveries()).isZero();
    }

    @Test
    void theSameStateDeliveredTwiceIsStoredOnce() {
        String body = WooCommerceFixtures.product794(NEWER, 3, "publish");

        assertThat(deliver("product.updated", body).getBody()).containsEntry("outcome", "stored");
        assertThat(deliver("product.updated", body).getBody()).containsEntry("outcome", "duplicate");
        assertThat(storedDeliveries()).isEqualTo(1);
    }

    @Test
    void anOlderStateArrivingAfterANewerOneNeverOverwritesIt() {
        deliver("product.updated", WooCommerceFixtures.product794(LATER_THAN_NEWER, 3, "publish"));
        await().atMost(WAIT).until(() -> text("Premium Quality").contains("stock (3 available)"));

        deliver("product.updated", WooCommerceFixtures.product794(NEWER, 7, "publish"));
        await().atMost(WAIT).until(() -> processedDeliveries() == 2);

        assertThat(catalog.product(accountId, "794").orElseThrow().variants().get(0).inventoryQuantity()).isEqualTo(3);
        await().atMost(WAIT).until(() -> !text("Premium Quality").isEmpty());
        assertThat(text("Premium Quality")).contains("stock (3 available)").doesNotContain("7 available");
    }

    @Test
    void aProductMovedToDraftLeavesTheCatalogAndTheKnowledgeBase() {
        deliver("product.updated", WooCommerceFixtures.product794(NEWER, 12, "draft"));

        await().atMost(WAIT).until(() -> !store.titles().contains("Premium Quality"));
        assertThat(searchText("Premium Quality tee")).doesNotContain("Premium Quality");
        assertThat(catalog.product(accountId, "794")).isEmpty();
        assertThat(store.titles()).contains("Ship Your Idea");
    }

    @Test
    void aDeletedProductLeavesAndALateOlderUpdateDoesNotBringItBackButARestoreDoes() {
        deliver("product.deleted", "{\"id\":794}");
        await().atMost(WAIT).until(() -> !store.titles().contains("Premium Quality"));

        deliver("product.updated", WooCommerceFixtures.product794(NEWER, 3, "publish"));
        await().atMost(WAIT).until(() -> processedDeliveries() == 2);
        assertThat(store.titles()).doesNotContain("Premium Quality");
        assertThat(catalog.product(accountId, "794")).isEmpty();

        // Restoring from the trash modifies the product: it is dated after the deletion.
        String restoredAt = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        deliver("product.restored", WooCommerceFixtures.product794(restoredAt, 5, "publish"));
        await().atMost(WAIT).until(() -> text("Premium Quality").contains("stock (5 available)"));
    }

    @Test
    void anOrderUpdateIsKeptForOrderLookups() {
        assertThat(orderFulfillment()).isEqualTo("UNFULFILLED");

        deliver("order.updated", WooCommerceFixtures.order727(LATER_THAN_NEWER, "completed"));

        await().atMost(WAIT).until(() -> "FULFILLED".equals(orderFulfillment()));
    }

    private String orderFulfillment() {
        return jdbc.sql("select fulfillment_status from catalog_order where account_id = :account and name = '#727'")
                .param("account", accountId).query(String.class).single();
    }

    private ResponseEntity<Map<String, Object>> deliver(String topic, String body) {
        return deliver(integrationId, topic, body, sign(body, secret));
    }

    private ResponseEntity<Map<String, Object>> deliver(Object integration, String topic, String body, String signature) {
        var request = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, response) -> { }).build()
                .post().uri("/webhooks/woocommerce/{id}", integration).contentType(MediaType.APPLICATION_JSON)
                .header("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)")
                .header("X-WC-Webhook-Source", "http://localhost:" + woo.port() + "/")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", topic.substring(0, topic.indexOf('.')))
                .header("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1))
                .header("X-WC-Webhook-ID", "142")
                .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString().replace("-", ""));
        if (signature != null) {
            request = request.header("X-WC-Webhook-Signature", signature);
        }
        return request.body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(OBJECT);
    }

    static String sign(String body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long storedDeliveries() {
        return jdbc.sql("select count(*) from woocommerce_webhook_delivery where account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    private long processedDeliveries() {
        return jdbc.sql("select count(*) from woocommerce_webhook_delivery where account_id = :account "
                + "and processed_at is not null").param("account", accountId).query(Long.class).single();
    }

    /** The source's text once indexed; empty while it is not. */
    private String text(String title) {
        return store.sources().stream()
                .filter(source -> title.equals(source.get("title")) && "INDEXED".equals(source.get("status")))
                .findFirst().map(source -> store.text(title)).orElse("");
    }

    @SuppressWarnings("unchecked")
    private String searchText(String query) {
        Map<String, Object> response = store.client().post().uri("/api/v1/knowledge/search")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("query", query, "limit", 3)).retrieve().body(OBJECT);
        return ((List<Map<String, Object>>) response.get("results")).stream()
                .map(result -> result.get("title") + ": " + result.get("text")).reduce("", String::concat);
    }
}
