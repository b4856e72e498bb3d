package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connecting a WooCommerce store with its REST API keys and syncing it, against WireMock answering like the REST API
 * v3 (plain HTTP, so every call is OAuth-signed).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WooCommerceSyncTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

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

    StoreApi store;
    UUID accountId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "2s");
    }

    @BeforeEach
    void newAccountAndStore() {
        woo.resetAll();
        WooCommerceFixtures.stubStore(woo);
        var account = accounts.create("WooCommerce test store");
        accountId = account.id();
        store = new StoreApi(port, account.apiKey());
    }

    ResponseEntity<Map<String, Object>> connect(String storeUrl, String key, String secret) {
        return store.client().post().uri("/api/v1/integrations/woocommerce").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", storeUrl, "consumerKey", key, "consumerSecret", secret))
                .retrieve().toEntity(OBJECT);
    }

    String storeUrl() {
        return "http://localhost:" + woo.port() + "/";
    }

    @Test
    void connectingWithKeysSyncsEveryPublishedProductWithItsVariationsPoliciesAndOrders() {
        ResponseEntity<Map<String, Object>> connected = connect(storeUrl(), "ck_good", "cs_good");

        assertThat(connected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(connected.getBody()).containsKey("id").containsEntry("platform", "WOOCOMMERCE")
                .containsEntry("storeUrl", "http://localhost:" + woo.port());
        Map<String, Object> job = store.awaitJob(connected.getBody().get("syncJobId"), "SUCCEEDED");
        assertThat(job).containsEntry("total", 4).containsEntry("done", 4);

        await().atMost(Duration.ofSeconds(60)).until(() -> store.sources().size() == 4
                && store.sources().stream().allMatch(source -> "INDEXED".equals(source.get("status"))));
        assertThat(store.titles()).containsExactlyInAnyOrder("Premium Quality", "Ship Your Idea",
                "Refund and Returns Policy", "Terms & Conditions");
        assertThat(store.sources()).allSatisfy(source -> assertThat(source)
                .containsEntry("origin", "WOOCOMMERCE").containsEntry("locked", true));
        assertThat(store.text("Premium Quality")).contains("best-selling").contains("- Pre-shrunk")
                .contains("Printed in Porto").doesNotContain("[gallery").doesNotContain("[caption")
                .contains("$21.99 (on sale, was $24.99)");
        assertThat(store.text("Ship Your Idea")).contains("Green / Any Size").contains("Black / Any Size")
                .contains("out of stock");
        assertThat(jdbc.sql("select fulfillments from catalog_order where account_id = :account and name = '#723'")
                .param("account", accountId).query(String.class).single()).contains("9400111899223100001234");
        assertThat(jdbc.sql("select shipping_methods from catalog_order where account_id = :account and name = '#727'")
                .param("account", accountId).query(String.class).single()).contains("Flat Rate");
        assertThat(jdbc.sql("select name from catalog_store where account_id = :account").param("account", accountId)
                .query(String.class).single()).isEqualTo("Porto Tees & Co");
        assertThat(store.integration(connected.getBody().get("id")).get("lastSyncedAt")).isNotNull();
        assertThat(jdbc.sql("select consumer_secret from woocommerce_store where account_id = :account")
                .param("account", accountId).query(String.class).single())
                .isNotEqualTo("cs_good");
    }

    @Test
    void keysTheStoreRefusesAreAnsweredWith422AndNothingIsStored() {
        woo.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).atPriority(1)
                .willReturn(WooCommerceFixtures.invalidKey()));

        ResponseEntity<Map<String, Object>> refused = connect(storeUrl(), "ck_bad", "cs_bad");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat((String) refused.getBody().get("detail")).contains("refused the REST API keys")
                .contains("(HTTP 401: Consumer key is invalid).");
        assertThat(store.client().get().uri("/api/v1/integrations").retrieve().body(LIST)).isEmpty();
    }

    @Test
    void addressesWithCredentialsOrOtherSchemesAreRefused() {
        assertThat(connect("ftp://shop.example.com", "ck", "cs").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map<String, Object>> withUser = connect("https://admin:pw@shop.example.com", "ck", "cs");
        assertThat(withUser.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) withUser.getBody().get("detail")).contains("user name or password");
    }

    @Test
    void aMaintenancePageFailsTheSyncWithAClearReasonKeepsWhatWasSyncedAndTheSyncResumesThere() {
        StubMapping maintenance = woo.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("page", equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody(WooCommerceFixtures.MAINTENANCE_PAGE)));

        Map<String, Object> connected = connect(storeUrl(), "ck_good", "cs_good").getBody();
        Map<String, Object> failed = store.awaitJob(connected.get("syncJobId"), "FAILED");

        assertThat((String) failed.get("error")).contains("Briefly unavailable for scheduled maintenance")
                .contains("instead of the REST API's JSON");
        assertThat(failed).containsEntry("phase", "PRODUCTS").containsEntry("done", 1);
        assertThat(productIds()).containsExactly("794");

        // The maintenance is over; the owner syncs again.
        woo.removeStub(maintenance);
        Map<String, Object> resumed = store.sync(connected.get("id"));
        assertThat(resumed).containsEntry("jobId", connected.get("syncJobId"));
        assertThat(store.awaitJob(connected.get("syncJobId"), "SUCCEEDED")).containsEntry("done", 4);

        assertThat(productIds()).containsExactlyInAnyOrder("794", "799");
        woo.verify(1, getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("1")));
        woo.verify(2, getRequestedFor(urlPathEqualTo(WooCommerceFixtures.PRODUCTS))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void pricesReadAsTheStoreWritesThem() {
        woo.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).atPriority(1)
                .willReturn(WooCommerceFixtures.json("settings-general-eur.json")));

        Map<String, Object> connected = connect(storeUrl(), "ck_good", "cs_good").getBody();
        store.awaitJob(connected.get("syncJobId"), "SUCCEEDED");

        await().atMost(Duration.ofSeconds(60)).until(() -> store.titles().contains("Premium Quality"));
        assertThat(store.text("Premium Quality")).contains("21,99 € (on sale, was 24,99 €)");
    }

    List<String> productIds() {
        return jdbc.sql("select external_id from catalog_product where account_id = :account")
                .param("account", accountId).query(String.class).list();
    }
}
