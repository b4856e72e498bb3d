package dev.baton.woocommerce.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shopify.StoreApi;
import dev.baton.woocommerce.WooCommerceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The incremental reconciliation against WooCommerce stores on WireMock: what changed since a store's mark is read
 * with {@code modified_after} and applied; the mark moves only when the run succeeds.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WooCommerceReconciliationTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    static final WireMockServer other = new WireMockServer(options().dynamicPort());
    static final String ORDERS = "/wp-json/wc/v3/orders";
    static final OffsetDateTime MARK = OffsetDateTime.of(2026, 1, 10, 8, 0, 0, 0, ZoneOffset.UTC);

    static {
        woo.start();
        other.start();
        // Shared by both storage modes' test classes, so they outlive each of them.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            woo.stop();
            other.stop();
        }));
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WooCommerceReconciliation reconciliation;

    @Autowired
    ReconciliationMarks marks;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "2s");
        // The tests run the reconciliation themselves.
        registry.add("baton.woocommerce.reconciliation-interval", () -> "PT24H");
    }

    @BeforeEach
    void stores() {
        for (WireMockServer server : List.of(woo, other)) {
            server.resetAll();
            WooCommerceFixtures.stubStore(server);
        }
    }

    /** An account with the store on {@code server} connected and fully synced, its sources indexed. */
    Connected connect(WireMockServer server) {
        var account = accounts.create("WooCommerce reconciliation " + UUID.randomUUID());
        StoreApi api = new StoreApi(port, account.apiKey());
        Map<?, ?> connected = api.client().post().uri("/api/v1/integrations/woocommerce")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", "http://localhost:" + server.port(), "consumerKey", "ck_good",
                        "consumerSecret", "cs_good"))
                .retrieve().body(Map.class);
        api.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.sources().size() == 4
                && api.sources().stream().allMatch(source -> "INDEXED".equals(source.get("status"))));
        return new Connected(account.id(), UUID.fromString((String) connected.get("id")), api);
    }

    record Connected(UUID accountId, UUID integrationId, StoreApi api) {
    }

    /** Since the mark: "Premium Quality" went on a deeper sale, "Ship Your Idea" was moved back to draft. */
    static void productsChanged(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)).atPriority(1)
                .withQueryParam("status", equalTo("any")).withQueryParam("modified_after", matching(".+"))
                .willReturn(listing(List.of(
                        changed("products-page1.json", 794, product -> {
                            product.put("price", "19.99");
                            product.put("sale_price", "19.99");
                            product.put("date_modified_gmt", "2026-01-10T08:30:00");
                        }),
                        changed("products-page2.json", 799, product -> {
                            product.put("status", "draft");
                            product.put("date_modified_gmt", "2026-01-10T08:31:00");
                        })))));
        server.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)).atPriority(1)
                .withQueryParam("status", equalTo("trash")).willReturn(listing(List.of())));
    }

    /** Since the mark: order 727 was completed yesterday; the store wrote its tracking number in a note. */
    static void orderCompleted(WireMockServer server) {
        String yesterday = StoreClient.gmt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
        server.stubFor(get(urlPathEqualTo(ORDERS)).atPriority(1).withQueryParam("modified_after", matching(".+"))
                .willReturn(listing(List.of(changed("orders.json", 727, order -> {
                    order.put("status", "completed");
                    order.put("date_modified_gmt", yesterday);
                    order.put("date_completed_gmt", yesterday);
                })))));
        server.stubFor(get(urlPathEqualTo(ORDERS + "/727/notes"))
                .willReturn(WooCommerceFixtures.json("order-notes.json")));
    }

    static ObjectNode changed(String file, long id, Consumer<ObjectNode> change) {
        List<ObjectNode> items = JsonBodies.MAPPER.readValue(WooCommerceFixtures.read(file),
                new TypeReference<List<ObjectNode>>() { });
        ObjectNode item = items.stream().filter(node -> node.path("id").asLong() == id).findFirst().orElseThrow();
        change.accept(item);
        return item;
    }

    static ResponseDefinitionBuilder listing(List<ObjectNode> items) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("X-WP-Total", String.valueOf(items.size()))
                .withHeader("X-WP-TotalPages", items.isEmpty() ? "0" : "1")
                .withBody(JsonBodies.MAPPER.writeValueAsString(items));
    }

    String order(UUID accountId, String column) {
        return jdbc.sql("select " + column + " from catalog_order where account_id = :account and name = '#727'")
                .param("account", accountId).query(String.class).single();
    }

    List<String> productIds(UUID accountId) {
        return jdbc.sql("select external_id from catalog_product where account_id = :account")
                .param("account", accountId).query(String.class).list();
    }

    @Test
    void changesSinceTheMarkAreAppliedAsWebhooksWouldApplyThem() {
        Connected store = connect(woo);
        marks.advance(store.integrationId(), MARK);
        productsChanged(woo);
        orderCompleted(woo);
        OffsetDateTime before = OffsetDateTime.now();

        WooCommerceReconciliation.Result result = reconciliation.reconcile(store.integrationId());

        assertThat(result).isEqualTo(new WooCommerceReconciliation.Result(1, 1, 1, ""));
        // Read from a little before the mark, in GMT: the mark is Baton's clock, the dates the store's.
        for (String status : List.of("any", "trash")) {
            woo.verify(getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                    .withQueryParam("status", equalTo(status))
                    .withQueryParam("modified_after", equalTo("2026-01-10T07:58:00"))
                    .withQueryParam("dates_are_gmt", equalTo("true")));
        }
        woo.verify(getRequestedFor(urlPathEqualTo(ORDERS))
                .withQueryParam("modified_after", equalTo("2026-01-10T07:58:00"))
                .withQueryParam("dates_are_gmt", equalTo("true")));

        await().atMost(Duration.ofSeconds(60)).until(() -> !store.api().titles().contains("Ship Your Idea")
                && store.api().text("Premium Quality").contains("$19.99 (on sale, was $24.99)"));
        assertThat(productIds(store.accountId())).containsExactly("794");
        assertThat(order(store.accountId(), "fulfillment_status")).isEqualTo("FULFILLED");
        assertThat(order(store.accountId(), "fulfillments")).contains("1Z999AA10123456784").contains("UPS");
        assertThat(marks.find(store.integrationId())).hasValueSatisfying(mark -> assertThat(mark)
                .isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS).minusSeconds(1)));
        assertThat(marks.lastFailure(store.integrationId())).isEmpty();
    }

    @Test
    void aStoreNeverReconciledStartsFromItsLastFullSync() {
        Connected store = connect(woo);
        OffsetDateTime lastSynced = jdbc.sql("select last_synced_at from store_integration where id = :id")
                .param("id", store.integrationId()).query(OffsetDateTime.class).single();
        productsChanged(woo);
        orderCompleted(woo);

        reconciliation.reconcile(store.integrationId());

        woo.verify(getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("modified_after", equalTo(StoreClient.gmt(lastSynced.minusMinutes(2)))));
        assertThat(marks.find(store.integrationId())).hasValueSatisfying(mark -> assertThat(mark).isAfter(lastSynced));
    }

    @Test
    void aFailingStoreKeepsItsMarkAndTheOthersAreReconciled() {
        Connected healthy = connect(woo);
        Connected failing = connect(other);
        marks.advance(healthy.integrationId(), MARK);
        marks.advance(failing.integrationId(), MARK);
        productsChanged(woo);
        orderCompleted(woo);
        other.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)).atPriority(1)
                .withQueryParam("status", equalTo("any"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody(WooCommerceFixtures.MAINTENANCE_PAGE)));

        reconciliation.reconcileAll();

        assertThat(marks.find(failing.integrationId()))
                .hasValueSatisfying(mark -> assertThat(mark).isAtSameInstantAs(MARK));
        assertThat(marks.lastFailure(failing.integrationId())).hasValueSatisfying(failure -> assertThat(failure)
                .contains("Briefly unavailable for scheduled maintenance").contains("http://localhost:" + other.port()));
        assertThat(marks.find(healthy.integrationId())).hasValueSatisfying(mark -> assertThat(mark).isAfter(MARK));
        assertThat(productIds(healthy.accountId())).containsExactly("794");
        assertThat(order(healthy.accountId(), "fulfillment_status")).isEqualTo("FULFILLED");

        // Once the store is back, the next run reads again from the kept mark.
        other.resetAll();
        WooCommerceFixtures.stubStore(other);
        productsChanged(other);
        orderCompleted(other);
        reconciliation.reconcile(failing.integrationId());

        other.verify(getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("modified_after", equalTo("2026-01-10T07:58:00")));
        assertThat(marks.find(failing.integrationId())).hasValueSatisfying(mark -> assertThat(mark).isAfter(MARK));
        assertThat(marks.lastFailure(failing.integrationId())).isEmpty();
        assertThat(productIds(failing.accountId())).containsExactly("794");
    }

    @Test
    void aFailureIsThrownToTheCallerOfOneStoresRun() {
        Connected store = connect(woo);
        marks.advance(store.integrationId(), MARK);
        woo.stubFor(get(urlPathEqualTo(ORDERS)).atPriority(1).withQueryParam("modified_after", matching(".+"))
                .willReturn(WooCommerceFixtures.invalidKey()));

        assertThatThrownBy(() -> reconciliation.reconcile(store.integrationId()))
                .hasMessageContaining("refused the REST API keys");
        assertThat(marks.find(store.integrationId()))
                .hasValueSatisfying(mark -> assertThat(mark).isAtSameInstantAs(MARK));
    }
}
