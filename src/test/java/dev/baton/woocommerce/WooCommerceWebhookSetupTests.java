package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shopify.StoreApi;
import dev.baton.woocommerce.internal.WooCommerceReconciliation;
import dev.baton.woocommerce.internal.WooCommerceWebhookSetup;
import dev.baton.woocommerce.internal.WooCommerceWebhooks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.baton.woocommerce.WooCommerceFixtures.WEBHOOKS;
import static dev.baton.woocommerce.WooCommerceFixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Baton sets up a connected store's webhooks through the REST API after the connect commits, and repairs them when
 * asked again (the reconciliation does): created once, re-activated when WooCommerce disabled them, and explained to
 * the owner when the keys may only read.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WooCommerceWebhookSetupTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final Duration WAIT = Duration.ofSeconds(10);

    static {
        woo.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WooCommerceWebhooks webhooks;

    @Autowired
    WooCommerceReconciliation reconciliation;

    StoreApi store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "2s");
        registry.add("baton.public-url", () -> "https://baton.example.com/");
    }

    @AfterAll
    static void stop() {
        woo.stop();
    }

    @BeforeEach
    void newAccount() {
        woo.resetAll();
        WooCommerceFixtures.stubStore(woo);
        WooCommerceFixtures.stubWebhookApi(woo);
        store = new StoreApi(port, accounts.create("WooCommerce webhook set-up").apiKey());
    }

    @Test
    void connectingCreatesTheSixWebhooksWithBatonsAddressAndTheStoresSecret() {
        Map<String, Object> connected = connect();
        Object id = connected.get("id");

        Map<String, Object> details = awaitStatus(id, "REGISTERED");
        String url = "https://baton.example.com/webhooks/woocommerce/" + id;
        String secret = (String) details.get("secret");
        assertThat(details).containsEntry("deliveryUrl", url);
        assertThat((String) details.get("message")).contains("6 created").doesNotContain(secret);
        woo.verify(6, postRequestedFor(urlPathEqualTo(WEBHOOKS)));
        for (String topic : List.of("product.created", "product.updated", "product.deleted", "product.restored",
                "order.created", "order.updated")) {
            woo.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOKS))
                    .withRequestBody(matchingJsonPath("$.topic", equalTo(topic)))
                    .withRequestBody(matchingJsonPath("$.delivery_url", equalTo(url)))
                    .withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("active"))));
        }
        assertThat(jdbc.sql("select webhook_secret from woocommerce_store where integration_id = :id")
                .param("id", UUID.fromString((String) id)).query(String.class).single()).isNotEqualTo(secret);
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
    }

    @Test
    void existingWebhooksAreKeptAndPausedOrDisabledOnesAreReactivated() {
        // The set-up after the connect finds the store's listing failing, and says so.
        woo.stubFor(get(urlPathEqualTo(WEBHOOKS)).atPriority(1).willReturn(aResponse().withStatus(500)));
        UUID id = UUID.fromString((String) connect().get("id"));
        assertThat((String) awaitStatus(id, "FAILED").get("message")).contains("could not be listed")
                .contains("HTTP 500");

        String ours = "https://baton.example.com/webhooks/woocommerce/" + id;
        woo.resetAll();
        WooCommerceFixtures.stubWebhookApi(woo);
        woo.stubFor(get(urlPathEqualTo(WEBHOOKS)).withQueryParam("page", equalTo("1")).atPriority(1)
                .willReturn(WooCommerceFixtures.webhooks(List.of(
                        webhook(301, "product.created", "active", ours),
                        webhook(302, "product.updated", "disabled", ours),
                        webhook(303, "order.created", "active", "https://crm.example.com/hooks/orders")), 5, 2)));
        woo.stubFor(get(urlPathEqualTo(WEBHOOKS)).withQueryParam("page", equalTo("2")).atPriority(1)
                .willReturn(WooCommerceFixtures.webhooks(List.of(
                        webhook(304, "product.deleted", "paused", ours),
                        webhook(305, "product.restored", "active", ours)), 5, 2)));

        WooCommerceWebhookSetup setup = webhooks.ensure(id);

        assertThat(setup.status()).isEqualTo(WooCommerceWebhookSetup.Status.REGISTERED);
        assertThat(setup.message()).contains("2 created, 2 re-activated, 2 already active");
        woo.verify(getRequestedFor(urlPathEqualTo(WEBHOOKS)).withQueryParam("page", equalTo("2")));
        woo.verify(2, postRequestedFor(urlPathEqualTo(WEBHOOKS)));
        woo.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOKS)).withRequestBody(matchingJsonPath("$.topic",
                equalTo("order.created"))).withRequestBody(matchingJsonPath("$.delivery_url", equalTo(ours))));
        woo.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOKS)).withRequestBody(matchingJsonPath("$.topic",
                equalTo("order.updated"))));
        String secret = (String) details(id).get("secret");
        for (int reactivated : List.of(302, 304)) {
            woo.verify(1, putRequestedFor(urlPathEqualTo(WEBHOOKS + "/" + reactivated))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("active")))
                    .withRequestBody(matchingJsonPath("$.secret", equalTo(secret))));
        }
        woo.verify(2, putRequestedFor(urlPathMatching(WEBHOOKS + "/\\d+")));
        assertThat(details(id)).containsEntry("status", "REGISTERED");
    }

    @Test
    void theScheduledReconciliationReEnablesAWebhookWooCommerceDisabledAndRecreatesADeletedOne() {
        Map<String, Object> connected = connect();
        UUID id = UUID.fromString((String) connected.get("id"));
        awaitStatus(id, "REGISTERED");
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        String ours = "https://baton.example.com/webhooks/woocommerce/" + id;
        // Later, at the store: deliveries failed, WooCommerce disabled product.updated; someone deleted order.updated.
        woo.resetAll();
        WooCommerceFixtures.stubStore(woo);
        WooCommerceFixtures.stubWebhookApi(woo);
        woo.stubFor(get(urlPathEqualTo(WEBHOOKS)).atPriority(1).willReturn(WooCommerceFixtures.webhooks(List.of(
                webhook(401, "product.created", "active", ours),
                webhook(402, "product.updated", "disabled", ours),
                webhook(403, "product.deleted", "active", ours),
                webhook(404, "product.restored", "active", ours),
                webhook(405, "order.created", "active", ours)), 5, 1)));

        reconciliation.reconcileAll();

        String secret = (String) details(id).get("secret");
        woo.verify(1, putRequestedFor(urlPathEqualTo(WEBHOOKS + "/402"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("active")))
                .withRequestBody(matchingJsonPath("$.secret", equalTo(secret))));
        woo.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOKS))
                .withRequestBody(matchingJsonPath("$.topic", equalTo("order.updated")))
                .withRequestBody(matchingJsonPath("$.delivery_url", equalTo(ours))));
        // reconcileAll runs every connected store (other tests' too): only this store's webhooks are counted.
        woo.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOKS))
                .withRequestBody(matchingJsonPath("$.delivery_url", equalTo(ours))));
        assertThat((String) details(id).get("message")).contains("1 created, 1 re-activated, 4 already active");
    }

    @Test
    void keysThatMayOnlyReadGetAClearResultAndTheStoreKeepsSyncing() {
        woo.stubFor(post(urlPathEqualTo(WEBHOOKS)).atPriority(1).willReturn(WooCommerceFixtures.readOnlyKey()));

        Map<String, Object> connected = connect();
        Object id = connected.get("id");

        Map<String, Object> details = awaitStatus(id, "OWNER_ACTION_NEEDED");
        String message = (String) details.get("message");
        assertThat(message).contains("(HTTP 401: The API key provided does not have write permissions)")
                .contains("WooCommerce > Settings > Advanced > Webhooks")
                .contains("https://baton.example.com/webhooks/woocommerce/" + id)
                .contains("product.created").contains("order.updated").contains("Read/Write")
                .doesNotContain((String) details.get("secret"));
        assertThat(details.get("topics")).asList().hasSize(6);
        assertThat(jdbc.sql("select webhook_status from woocommerce_store where integration_id = :id")
                .param("id", UUID.fromString((String) id)).query(String.class).single())
                .isEqualTo("OWNER_ACTION_NEEDED");
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
    }

    @Test
    void afterADeliveryFailsItsSignatureTheNextSetUpGivesBatonsWebhooksTheSecretAgain() {
        UUID id = UUID.fromString((String) connect().get("id"));
        awaitStatus(id, "REGISTERED");
        String ours = "https://baton.example.com/webhooks/woocommerce/" + id;
        List<String> topics = List.of("product.created", "product.updated", "product.deleted", "product.restored",
                "order.created", "order.updated");
        woo.stubFor(get(urlPathEqualTo(WEBHOOKS)).atPriority(1).willReturn(WooCommerceFixtures.webhooks(
                topics.stream().map(topic -> webhook(400 + topics.indexOf(topic), topic, "active", ours)).toList(),
                6, 1)));

        String body = WooCommerceFixtures.product794("2017-03-24T10:00:00", 3, "publish");
        var refused = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/webhooks/woocommerce/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header("X-WC-Webhook-Topic", "product.updated")
                .header("X-WC-Webhook-Signature", WooCommerceWebhookTests.sign(body, "an-old-secret"))
                .body(body.getBytes(StandardCharsets.UTF_8)).retrieve().toBodilessEntity();
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        woo.resetRequests();

        assertThat(webhooks.ensure(id).status()).isEqualTo(WooCommerceWebhookSetup.Status.REGISTERED);
        String secret = (String) details(id).get("secret");
        RequestPatternBuilder resigned = putRequestedFor(urlPathMatching(WEBHOOKS + "/40\\d"))
                .withRequestBody(matchingJsonPath("$.secret", equalTo(secret)))
                .withRequestBody(matchingJsonPath("$.status", absent()));
        woo.verify(6, resigned);
        woo.verify(0, postRequestedFor(urlPathEqualTo(WEBHOOKS)));

        woo.resetRequests();
        webhooks.ensure(id);
        woo.verify(0, putRequestedFor(urlPathMatching(WEBHOOKS + "/\\d+")));
    }

    private Map<String, Object> connect() {
        return store.client().post().uri("/api/v1/integrations/woocommerce").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", "http://localhost:" + woo.port(), "consumerKey", "ck_good",
                        "consumerSecret", "cs_good"))
                .retrieve().body(OBJECT);
    }

    private Map<String, Object> details(Object id) {
        return store.client().get().uri("/api/v1/integrations/woocommerce/{id}/webhooks", id).retrieve().body(OBJECT);
    }

    private Map<String, Object> awaitStatus(Object id, String status) {
        await().atMost(WAIT).until(() -> status.equals(details(id).get("status")));
        return details(id);
    }
}
