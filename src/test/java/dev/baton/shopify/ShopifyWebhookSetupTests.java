package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store connected with a custom app's token and API secret key gets its webhook subscriptions from Baton (only the
 * missing ones, whatever Shopify answers, never failing the connection), and its webhooks are verified with that
 * app's secret, not Baton's. Shopify is WireMock answering in the 2026-10 shapes.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ShopifyWebhookSetupTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    static final String BATON_APP_SECRET = "shpss_baton_app_secret";
    static final String CUSTOM_APP_SECRET = "shpss_custom_app_secret_5f1c";
    static final String TOKEN = "shpat_custom_app_token_77ab";
    static final String CALLBACK = "https://baton.example.com/webhooks/shopify";
    static final String LIST_PAGE_2_CURSOR = "eyJsYXN0X2lkIjo5MDAwMDAwMDAyLCJsYXN0X3ZhbHVlIjoiOTAwMDAwMDAwMiJ9";
    static final List<String> ALL_TOPICS = List.of("PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE",
            "INVENTORY_LEVELS_UPDATE", "ORDERS_CREATE", "ORDERS_UPDATED", "SHOP_UPDATE", "APP_UNINSTALLED");
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    static {
        shopify.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    RestClient api;
    UUID accountId;
    String shop;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.shopify.base-url", shopify::baseUrl);
        registry.add("baton.shopify.api-secret", () -> BATON_APP_SECRET);
        // Trailing slash on purpose: the callback is still .../webhooks/shopify.
        registry.add("baton.public-url", () -> "https://baton.example.com/");
        registry.add("baton.shopify.retry-delay", () -> "50ms");
        registry.add("baton.shopify.max-retry-duration", () -> "2s");
    }

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @BeforeEach
    void newAccountAndStore() {
        shopify.resetAll();
        ShopifyFixtures.stubStore(shopify);
        shopify.stubFor(listing().willReturn(ShopifyFixtures.json("webhook-subscriptions-none.json")));
        shopify.stubFor(create().willReturn(ShopifyFixtures.json("webhook-subscription-created.json")));
        var account = accounts.create("Webhook setup test store");
        accountId = account.id();
        api = client().defaultHeader("Authorization", "Bearer " + account.apiKey()).build();
        shop = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    }

    @Test
    void connectingWithTheApiSecretSubscribesExactlyTheMissingTopics() {
        // Subscribed already, over two pages: PRODUCTS_UPDATE and APP_UNINSTALLED to Baton; ORDERS_CREATE elsewhere.
        shopify.stubFor(listing().atPriority(2).willReturn(ShopifyFixtures.json("webhook-subscriptions-page1.json")));
        shopify.stubFor(listing().atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(LIST_PAGE_2_CURSOR)))
                .willReturn(ShopifyFixtures.json("webhook-subscriptions-page2.json")));

        ResponseEntity<Map<String, Object>> connected = connect(CUSTOM_APP_SECRET);

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(connected.getBody()).containsKeys("id", "syncJobId")
                .containsEntry("platform", "SHOPIFY").containsEntry("shop", shop);
        assertThat(webhooks(connected)).containsEntry("status", "REGISTERED");
        assertThat((String) webhooks(connected).get("message")).contains("6 subscriptions created, 2 already there");
        List<JsonNode> created = createRequests();
        assertThat(created).extracting(variables -> variables.path("topic").asString()).containsExactlyInAnyOrder(
                "PRODUCTS_CREATE", "PRODUCTS_DELETE", "INVENTORY_LEVELS_UPDATE", "ORDERS_CREATE", "ORDERS_UPDATED",
                "SHOP_UPDATE");
        assertThat(created).allSatisfy(variables -> {
            assertThat(variables.path("webhookSubscription").path("uri").asString()).isEqualTo(CALLBACK);
            assertThat(variables.path("webhookSubscription").path("format").asString()).isEqualTo("JSON");
        });
        shopify.verify(6, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("mutation WebhookSubscriptionCreate")))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN)));
        shopify.verify(postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(LIST_PAGE_2_CURSOR))));
        awaitJob(connected.getBody().get("syncJobId"), "SUCCEEDED");
    }

    @Test
    void connectingAgainCreatesNoSubscriptionTwice() {
        Map<String, Object> first = connect(CUSTOM_APP_SECRET).getBody();
        assertThat(createRequests()).hasSize(8);
        awaitJob(first.get("syncJobId"), "SUCCEEDED");
        // Shopify now lists what the first connection created.
        shopify.stubFor(listing().atPriority(1).willReturn(ShopifyFixtures.json("webhook-subscriptions-none.json",
                body -> body.replace("\"nodes\": []", "\"nodes\": " + nodes(ALL_TOPICS)))));
        shopify.resetRequests();
        api.delete().uri("/api/v1/integrations/{id}", first.get("id")).retrieve().toBodilessEntity();

        ResponseEntity<Map<String, Object>> again = connect(CUSTOM_APP_SECRET);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(webhooks(again)).containsEntry("status", "REGISTERED");
        assertThat((String) webhooks(again).get("message")).contains("0 subscriptions created, 8 already there");
        assertThat(createRequests()).isEmpty();
        shopify.verify(postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("query WebhookSubscriptions"))));
    }

    @Test
    void aSubscriptionShopifyRefusesKeepsTheConnectionAndIsReported() {
        shopify.stubFor(create().atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.topic", equalTo("INVENTORY_LEVELS_UPDATE")))
                .willReturn(ShopifyFixtures.json("webhook-subscription-refused.json")));

        ResponseEntity<Map<String, Object>> connected = connect(CUSTOM_APP_SECRET);

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(webhooks(connected)).containsEntry("status", "FAILED");
        assertThat((String) webhooks(connected).get("message"))
                .contains("INVENTORY_LEVELS_UPDATE: Address is invalid").contains("reconciliation");
        assertThat(createRequests()).hasSize(8);
        assertThat(integration(connected)).containsEntry("connected", true);
        awaitJob(connected.getBody().get("syncJobId"), "SUCCEEDED");
    }

    @Test
    void aFailedListingKeepsTheConnectionAndIsReported() {
        shopify.stubFor(listing().atPriority(1).willReturn(ShopifyFixtures.json("access-denied.json")));

        ResponseEntity<Map<String, Object>> connected = connect(CUSTOM_APP_SECRET);

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(webhooks(connected)).containsEntry("status", "FAILED");
        assertThat((String) webhooks(connected).get("message")).contains("Access denied for webhookSubscriptions");
        assertThat(createRequests()).isEmpty();
        assertThat(integration(connected)).containsEntry("connected", true);
        awaitJob(connected.getBody().get("syncJobId"), "SUCCEEDED");
    }

    @Test
    void withoutTheApiSecretNothingIsRegisteredAndTheAnswerSaysSo() {
        ResponseEntity<Map<String, Object>> connected = connect(null);

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(webhooks(connected)).containsEntry("status", "NOT_SET_UP");
        assertThat((String) webhooks(connected).get("message")).contains("Webhooks are not set up")
                .contains("'apiSecret'").contains("only through the scheduled reconciliation");
        shopify.verify(0, postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("WebhookSubscription"))));
        assertThat(storedSecret()).isNull();
        awaitJob(connected.getBody().get("syncJobId"), "SUCCEEDED");
    }

    @Test
    void theApiSecretIsStoredEncryptedAndNeverAnsweredOrLogged(CapturedOutput output) {
        ResponseEntity<String> connected = api.post().uri("/api/v1/integrations/shopify")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("shop", shop, "accessToken", TOKEN, "apiSecret", CUSTOM_APP_SECRET))
                .retrieve().toEntity(String.class);

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(storedSecret()).startsWith("v1:").doesNotContain(CUSTOM_APP_SECRET);
        assertThat(connected.getBody()).doesNotContain(CUSTOM_APP_SECRET);
        String id = json.readTree(connected.getBody()).path("id").asString();
        assertThat(api.get().uri("/api/v1/integrations/{id}", id).retrieve().body(String.class))
                .doesNotContain(CUSTOM_APP_SECRET);
        deliver(sign("{}", "not-the-secret"), "{}");
        assertThat(output.getAll()).doesNotContain(CUSTOM_APP_SECRET).doesNotContain(TOKEN);
    }

    @Test
    void aWebhookSignedWithTheStoresOwnSecretIsAccepted() {
        connect(CUSTOM_APP_SECRET);
        String body = ShopifyFixtures.read("webhook-products-update.json");

        ResponseEntity<String> answer = deliver(sign(body, CUSTOM_APP_SECRET), body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("\"duplicate\":false");
        assertThat(storedWebhooks()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select count(*) from shopify_webhook where account_id = :account and processed_at is not null")
                .param("account", accountId).query(Long.class).single() == 1);
    }

    @Test
    void aWebhookSignedWithBatonsAppSecretOrAWrongSecretIsRefusedForAStoreWithItsOwn() {
        connect(CUSTOM_APP_SECRET);
        String body = ShopifyFixtures.read("webhook-products-update.json");

        assertThat(deliver(sign(body, BATON_APP_SECRET), body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(deliver(sign(body, "shpss_someone_else"), body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(storedWebhooks()).isZero();
    }

    private static MappingBuilder listing() {
        return ShopifyFixtures.graphQl("query WebhookSubscriptions");
    }

    private static MappingBuilder create() {
        return ShopifyFixtures.graphQl("mutation WebhookSubscriptionCreate");
    }

    /** The variables of every webhookSubscriptionCreate Shopify received. */
    private List<JsonNode> createRequests() {
        return shopify.findAll(postRequestedFor(urlEqualTo(ShopifyFixtures.GRAPHQL))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(json::readTree)
                .filter(request -> request.path("query").asString().contains("mutation WebhookSubscriptionCreate"))
                .map(request -> request.path("variables"))
                .toList();
    }

    /** Listing nodes in Shopify's shape, one per topic, all to Baton's address. */
    private String nodes(List<String> topics) {
        return topics.stream()
                .map(topic -> {
                    Map<String, Object> node = new HashMap<>();
                    node.put("id", "gid://shopify/WebhookSubscription/" + (9100000000L + topics.indexOf(topic)));
                    node.put("topic", topic);
                    node.put("uri", CALLBACK);
                    return json.writeValueAsString(node);
                })
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private ResponseEntity<Map<String, Object>> connect(String apiSecret) {
        Map<String, Object> request = new HashMap<>(Map.of("shop", shop, "accessToken", TOKEN));
        if (apiSecret != null) {
            request.put("apiSecret", apiSecret);
        }
        return api.post().uri("/api/v1/integrations/shopify").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().toEntity(OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> webhooks(ResponseEntity<Map<String, Object>> connected) {
        return (Map<String, Object>) connected.getBody().get("webhooks");
    }

    private Map<String, Object> integration(ResponseEntity<Map<String, Object>> connected) {
        return api.get().uri("/api/v1/integrations/{id}", connected.getBody().get("id")).retrieve().body(OBJECT);
    }

    private void awaitJob(Object jobId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(
                api.get().uri("/api/v1/sync-jobs/{id}", jobId).retrieve().body(OBJECT).get("status")));
    }

    private String storedSecret() {
        return (String) jdbc.sql("select api_secret from shopify_store where account_id = :account")
                .param("account", accountId).query().singleRow().get("api_secret");
    }

    private long storedWebhooks() {
        return jdbc.sql("select count(*) from shopify_webhook where account_id = :account").param("account", accountId)
                .query(Long.class).single();
    }

    private ResponseEntity<String> deliver(String hmac, String body) {
        return client().build().post().uri("/webhooks/shopify").contentType(MediaType.APPLICATION_JSON)
                .header("X-Shopify-Topic", "products/update").header("X-Shopify-Hmac-Sha256", hmac)
                .header("X-Shopify-Shop-Domain", shop).header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString()).header("X-Shopify-API-Version", "2026-10")
                .body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toEntity(String.class);
    }

    private static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RestClient.Builder client() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { });
    }
}
