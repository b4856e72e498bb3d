package dev.baton.woocommerce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import dev.baton.shopify.StoreApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WooCommerce store's card on the Knowledge page, in a real browser. Policies: the owner sees that the shipping and
 * privacy policies are missing, picks the shipping page from the store's pages (after the store first answers with a
 * maintenance page), sees it arrive as a locked synced source, and writes the privacy policy by hand. Live updates: a
 * store whose keys may only read shows what to enter in WooCommerce to add the webhooks by hand, and "Check again"
 * sets them up once the store allows it. The store is WireMock. Screenshots: target/screenshots/woocommerce-*.png.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WooCommerceStoreCardBrowserTests {

    static final WireMockServer woo = new WireMockServer(options().dynamicPort());
    static final String PASSWORD = "policies-browser-password";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final LocatorAssertions.IsVisibleOptions INDEXED = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(60_000);

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
        registry.add("baton.woocommerce.allow-private-hosts", () -> "true");
        registry.add("baton.woocommerce.retry-delay", () -> "50ms");
        registry.add("baton.woocommerce.max-retry-duration", () -> "1s");
        registry.add("baton.public-url", () -> "https://baton.example.com");
    }

    @BeforeAll
    void start() {
        WooCommerceFixtures.stubStore(woo);
        WooCommercePolicyFixtures.stubPublishedPages(woo);
        // The first listing of the store's pages meets a maintenance page; the next one gets through.
        woo.stubFor(get(urlPathEqualTo(WooCommercePolicyFixtures.PAGES))
                .withQueryParam("_fields", equalTo("id,title,link,slug")).atPriority(0)
                .inScenario("maintenance").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withBody(WooCommerceFixtures.MAINTENANCE_PAGE)));
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stop() {
        chromium.close();
        woo.stop();
    }

    @Test
    void anOwnerSeesTheMissingPoliciesPicksTheShippingPageAndWritesThePrivacyPolicyByHand() {
        var account = accounts.create("Porto Tees");
        accounts.createUser(account.id(), "porto-owner", PASSWORD, Role.OWNER);
        StoreApi api = new StoreApi(port, account.apiKey());
        Map<String, Object> connected = api.client().post().uri("/api/v1/integrations/woocommerce")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", "http://localhost:" + woo.port(), "consumerKey", "ck_good",
                        "consumerSecret", "cs_good"))
                .retrieve().body(OBJECT);
        api.awaitJob(connected.get("syncJobId"), "SUCCEEDED");

        Page page = HeadlessChromium.signIn(chromium.newPage(port), "porto-owner", PASSWORD);

        Locator policies = page.locator("#store-policies");
        assertThat(policies).containsText("2 found · 2 missing");
        Locator shipping = policies.locator("li[data-policy=SHIPPING_POLICY]");
        assertThat(shipping).hasAttribute("data-status", "MISSING");
        assertThat(shipping).containsText("Missing");
        assertThat(policies.locator("li[data-policy=TERMS_OF_SERVICE]")).containsText("Terms & Conditions");
        HeadlessChromium.screenshot(page, "woocommerce-policies-missing");

        shipping.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pick a page")).click();
        assertThat(shipping.locator(".alert.error")).containsText("Briefly unavailable for scheduled maintenance");
        HeadlessChromium.screenshot(page, "woocommerce-policies-store-unreachable");

        shipping.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pick a page")).click();
        Locator choice = shipping.getByLabel("Page for the shipping policy");
        assertThat(choice.locator("option")).hasCount(6);
        choice.selectOption("57");
        HeadlessChromium.screenshot(page, "woocommerce-policies-pick");
        shipping.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Use this page")).click();

        assertThat(page.getByText("The shipping policy now comes from the page 'Delivery & Shipping'")).isVisible();
        assertThat(page.locator("#store-policies li[data-policy=SHIPPING_POLICY]")).hasAttribute("data-status", "PICKED");
        assertThat(page.locator("#store-policies")).containsText("3 found · 1 missing");
        Locator synced = page.locator("tr[data-source-id]", new Page.LocatorOptions().setHasText("Delivery & Shipping"));
        assertThat(synced).isVisible(INDEXED);
        assertThat(synced.locator(".badge")).hasText("WOOCOMMERCE");
        assertThat(synced.locator(".lock")).isVisible();
        HeadlessChromium.screenshot(page, "woocommerce-policies-picked");

        page.locator("#store-policies li[data-policy=PRIVACY_POLICY]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add by hand")).click();
        Locator dialog = page.locator("dialog#add-source");
        assertThat(dialog).isVisible();
        assertThat(dialog.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true))).hasValue("Privacy policy");
        dialog.getByLabel("Text", new Locator.GetByLabelOptions().setExact(true)).fill("We keep your order data for five years and never sell it.");
        HeadlessChromium.screenshot(page, "woocommerce-policies-by-hand");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add source")).click();

        assertThat(page.getByText("Added 'Privacy policy'")).isVisible();
        assertThat(page.locator("#store-policies li[data-policy=PRIVACY_POLICY]")).hasAttribute("data-status", "MANUAL");
        assertThat(page.locator("#store-policies")).containsText("3 found · 0 missing · 1 written by hand");
        Locator manual = page.locator("tr[data-source-id]", new Page.LocatorOptions().setHasText("Privacy policy"));
        assertThat(manual.locator(".badge")).hasText("MANUAL");
        HeadlessChromium.screenshot(page, "woocommerce-policies-done");
    }

    @Test
    void anOwnerWhoseKeysMayOnlyReadSeesWhatToEnterInWooCommerceAndChecksAgainOnceItIsAllowed() {
        WooCommerceFixtures.stubWebhookApi(woo);
        woo.stubFor(post(urlPathEqualTo(WooCommerceFixtures.WEBHOOKS)).atPriority(1)
                .willReturn(WooCommerceFixtures.readOnlyKey()));
        var account = accounts.create("Lisbon Socks");
        accounts.createUser(account.id(), "lisbon-owner", PASSWORD, Role.OWNER);
        StoreApi api = new StoreApi(port, account.apiKey());
        Map<String, Object> connected = api.client().post().uri("/api/v1/integrations/woocommerce")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("storeUrl", "http://localhost:" + woo.port(), "consumerKey", "ck_read",
                        "consumerSecret", "cs_read"))
                .retrieve().body(OBJECT);
        api.awaitJob(connected.get("syncJobId"), "SUCCEEDED");
        Map<String, Object> details = api.client().get()
                .uri("/api/v1/integrations/woocommerce/{id}/webhooks", connected.get("id")).retrieve().body(OBJECT);
        await().atMost(Duration.ofSeconds(30)).until(() -> "OWNER_ACTION_NEEDED"
                .equals(api.client().get().uri("/api/v1/integrations/woocommerce/{id}/webhooks", connected.get("id"))
                        .retrieve().body(OBJECT).get("status")));

        Page page = HeadlessChromium.signIn(chromium.newPage(port), "lisbon-owner", PASSWORD);

        Locator live = page.locator("#store-webhooks");
        assertThat(live).hasAttribute("data-status", "OWNER_ACTION_NEEDED");
        assertThat(live).containsText("off: Baton checks the store every 15 minutes instead");
        assertThat(live).containsText("WooCommerce › Settings › Advanced › Webhooks");
        assertThat(live).containsText("product.updated");
        assertThat(live.getByLabel("Delivery URL"))
                .hasValue("https://baton.example.com/webhooks/woocommerce/" + connected.get("id"));
        assertThat(live.getByLabel("Webhook secret")).not().isVisible();
        live.getByText("Show the secret").click();
        assertThat(live.getByLabel("Webhook secret")).hasValue((String) details.get("secret"));
        HeadlessChromium.screenshot(page, "woocommerce-webhooks-by-hand");

        // The owner gives Baton's keys write access at the store (or adds the webhooks), then checks again.
        woo.removeStub(woo.getStubMappings().stream().filter(stub -> stub.getPriority() != null
                && stub.getPriority() == 1 && stub.getRequest().getMethod().getName().equals("POST")).findFirst()
                .orElseThrow());
        live.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check again")).click();

        assertThat(page.getByText("Webhooks are set up")).isVisible();
        assertThat(page.locator("#store-webhooks")).hasAttribute("data-status", "REGISTERED");
        assertThat(page.locator("#store-webhooks")).containsText("changes in the store reach Baton within seconds");
        woo.verify(postRequestedFor(urlPathEqualTo(WooCommerceFixtures.WEBHOOKS)).withRequestBody(
                matchingJsonPath("$.delivery_url",
                        equalTo("https://baton.example.com/webhooks/woocommerce/" + connected.get("id")))));
        HeadlessChromium.screenshot(page, "woocommerce-webhooks-on");
    }
}
