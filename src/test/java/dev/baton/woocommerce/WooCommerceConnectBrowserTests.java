package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.Map;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A store owner connects WooCommerce from the Knowledge page in a real browser: types the store's address, lands on
 * the store's consent screen (WireMock), and, once the store has done its part (posted the keys to Baton's callback
 * and sent the owner back), watches the first sync and sees the store's products and policies arrive as locked
 * sources. And the keys form, with keys the store refuses. Screenshots: target/screenshots/woocommerce-*.png.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WooCommerceConnectBrowserTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    static final String PASSWORD = "woo-connect-browser-password";
    static final double SYNC_TIMEOUT_MS = 60_000;

    /** Shaped like WooCommerce's auth/form-grant-access.php; the app name and scope come from the request. */
    static final String CONSENT_SCREEN = """
            <!DOCTYPE html><html><head><title>Authorise application</title></head><body class="wc-auth wp-core-ui">
            <h1 id="wc-logo">WooCommerce</h1><div class="wc-auth-content">
            <h1>{{request.query.app_name}} would like to connect to your store</h1>
            <p>This will give "{{request.query.app_name}}" {{request.query.scope}} access which will allow it to:</p>
            <ul class="wc-auth-permissions"><li>View coupons</li><li>View customers</li>
            <li>View orders and sales reports</li><li>View products</li></ul>
            <div class="wc-auth-logged-in-as"><p>Logged in as shop-owner</p></div></div>
            <p class="wc-auth-actions"><a href="#" class="button button-primary wc-auth-approve">Approve</a>
            <a href="#" class="button wc-auth-deny">Deny</a></p></body></html>""";

    static {
        woo.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    HeadlessChromium chromium;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.password", () -> PASSWORD);
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "2s");
    }

    @BeforeAll
    void start() {
        WooCommerceFixtures.stubStore(woo);
        // A store that takes a moment for its second page, so the sync's progress is there to be seen.
        woo.stubFor(get(urlPathEqualTo(WooCommerceFixtures.PRODUCTS)).withQueryParam("page", equalTo("2"))
                .atPriority(1).willReturn(WooCommerceFixtures.listing("products-page2.json", 2, 2)
                        .withFixedDelay(3_000)));
        woo.stubFor(get(urlPathEqualTo("/wc-auth/v1/authorize")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(CONSENT_SCREEN)
                .withTransformers("response-template")));
        woo.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/settings/general")).atPriority(1)
                .withQueryParam("oauth_consumer_key", equalTo("ck_wrong")).willReturn(WooCommerceFixtures.invalidKey()));
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stop() {
        chromium.close();
        woo.stop();
    }

    @Test
    void anOwnerConnectsWooCommerceInOneClickWatchesTheSyncAndSeesProductsAndPoliciesArrive() {
        Page page = HeadlessChromium.signIn(chromium.newPage(port), "admin", PASSWORD);
        assertThat(page.getByText("Connect your store")).isVisible();
        HeadlessChromium.screenshot(page, "woocommerce-connect");

        page.getByLabel("WooCommerce store address").fill(storeUrl());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect WooCommerce")).click();

        // Playwright hands the pattern to JavaScript, which knows no \Q...\E quoting.
        assertThat(page).hasURL(Pattern.compile("^" + storeUrl() + "/wc-auth/v1/authorize\\?.+"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Baton would like to connect to your store"))).isVisible();
        assertThat(page.locator(".wc-auth-content")).containsText("read access");
        HeadlessChromium.screenshot(page, "woocommerce-consent");

        // What WooCommerce does on "Approve": post the new keys to callback_url, then send the owner to return_url.
        Map<String, String> query = WooCommerceConnectTests.query(page.url());
        org.assertj.core.api.Assertions.assertThat(query.get("callback_url")).isEqualTo("http://localhost:" + port + "/woocommerce/callback");
        org.assertj.core.api.Assertions.assertThat(query.get("return_url")).isEqualTo("http://localhost:" + port + "/woocommerce/return");
        int status = RestClient.create().post().uri(query.get("callback_url"))
                .header("Content-Type", "application/json;charset=UTF-8")
                .body("""
                        {"key_id":1,"user_id":"%s","consumer_key":"ck_4f1b8a2c9d3e7f6a5b4c3d2e1f0a9b8c7d6e5f4a",\
                        "consumer_secret":"cs_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b","key_permissions":"read"}"""
                        .formatted(query.get("user_id")))
                .retrieve().toBodilessEntity().getStatusCode().value();
        org.assertj.core.api.Assertions.assertThat(status).isEqualTo(200);
        page.navigate(query.get("return_url") + "?success=1&user_id=" + query.get("user_id"));

        assertThat(page).hasURL(Pattern.compile(".*/knowledge$"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("Connected " + storeUrl()))).isVisible();
        Locator sync = page.locator("#store-card .sync-status");
        assertThat(sync).hasAttribute("data-job-status", Pattern.compile("QUEUED|RUNNING"));
        assertThat(sync.locator("progress")).isVisible();
        // The store's second page of products is slow: the card, reloading itself, shows how far the sync got.
        assertThat(sync).containsText(Pattern.compile("Syncing: [1-3] of\\s+4 items"),
                new LocatorAssertions.ContainsTextOptions().setTimeout(SYNC_TIMEOUT_MS));
        HeadlessChromium.screenshot(page, "woocommerce-syncing");

        assertThat(sync).hasAttribute("data-job-status", "SUCCEEDED",
                new LocatorAssertions.HasAttributeOptions().setTimeout(SYNC_TIMEOUT_MS));
        assertThat(page.locator("#store-card")).containsText("Sync finished: 4 items read");
        assertThat(page.locator("#store-card .badge.woocommerce")).hasText("WOOCOMMERCE");
        for (String title : new String[] {"Premium Quality", "Ship Your Idea", "Refund and Returns Policy",
                "Terms & Conditions"}) {
            Locator row = page.locator("tr[data-source-id]", new Page.LocatorOptions().setHasText(title));
            assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(SYNC_TIMEOUT_MS));
            assertThat(row.locator(".badge")).hasText("WOOCOMMERCE");
            assertThat(row.locator(".lock")).isVisible();
        }
        HeadlessChromium.screenshot(page, "woocommerce-synced");
    }

    @Test
    void keysTheStoreRefusesShowTheStoresReasonOnTheCard() {
        var account = accounts.create("WooCommerce keys form store");
        accounts.createUser(account.id(), "keys-owner", PASSWORD, Role.OWNER);
        Page page = HeadlessChromium.signIn(chromium.newPage(port), "keys-owner", PASSWORD);

        page.getByText("Or connect with REST API keys").click();
        Locator form = page.locator("form[action$='/woocommerce/connect-keys']");
        form.getByLabel("Store address").fill(storeUrl());
        form.getByLabel("Consumer key").fill("ck_wrong");
        form.getByLabel("Consumer secret").fill("cs_wrong");
        HeadlessChromium.screenshot(page, "woocommerce-keys-form");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect")).click();

        Locator error = page.getByRole(AriaRole.ALERT);
        assertThat(error).containsText("refused the REST API keys (HTTP 401: Consumer key is invalid)");
        assertThat(error).containsText("Check the consumer key and secret");
        assertThat(page.getByText("Connect your store")).isVisible();
        HeadlessChromium.screenshot(page, "woocommerce-keys-refused");
    }

    String storeUrl() {
        return "http://localhost:" + woo.port();
    }
}
