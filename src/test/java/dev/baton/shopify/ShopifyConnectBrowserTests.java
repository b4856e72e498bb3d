package dev.baton.shopify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A store owner connects Shopify from the Knowledge page in a real browser, watches the first sync finish, sees the
 * store's products arrive as locked sources, and starts a re-sync. Shopify is WireMock.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopifyConnectBrowserTests {

    static final WireMockServer shopify = new WireMockServer(options().dynamicPort());
    static final String PASSWORD = "connect-browser-password";

    static {
        shopify.start();
    }

    @LocalServerPort
    int port;

    HeadlessChromium chromium;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.password", () -> PASSWORD);
        registry.add("baton.shopify.base-url", shopify::baseUrl);
    }

    @BeforeAll
    void start() {
        ShopifyFixtures.stubStore(shopify);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stop() {
        chromium.close();
        shopify.stop();
    }

    @Test
    void anOwnerConnectsShopifyWatchesTheSyncAndSeesTheProductsArrive() {
        Page page = chromium.newPage(port);
        page.navigate("/login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByText("Connect your store")).isVisible();
        HeadlessChromium.screenshot(page, "store-connect");
        page.getByText("Or use a custom app's Admin API access token").click();
        Locator tokenForm = page.locator("form[action$='/shopify/connect-token']");
        tokenForm.getByLabel("Shop domain").fill("snowdevil.myshopify.com");
        tokenForm.getByLabel("Access token").fill("shpat_browser");
        tokenForm.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Connect")).click();

        assertThat(page.getByText("Connected snowdevil.myshopify.com")).isVisible();
        assertThat(page.locator("#store-card .sync-status")).hasAttribute("data-job-status", "SUCCEEDED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(page.locator("#store-card")).containsText("Sync finished: 4 items read");

        Locator synced = page.locator("tr[data-source-id]", new Page.LocatorOptions().setHasText("Powder Snowboard"));
        assertThat(synced).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(60_000));
        assertThat(synced.locator(".badge")).hasText("SHOPIFY");
        assertThat(synced.locator(".lock")).isVisible();
        assertThat(page.locator("tr[data-source-id]", new Page.LocatorOptions().setHasText("Draft Goggles"))).hasCount(0);
        HeadlessChromium.screenshot(page, "store-synced");

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Re-sync")).click();
        assertThat(page.getByText("Sync started")).isVisible();
        assertThat(page.locator("#store-card .sync-status")).hasAttribute("data-job-status", "SUCCEEDED",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    }
}
