package dev.baton.agent.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Playground page in a real (headless) Chromium, on the embedded storage with the demo store and no chat model:
 * the offline agent answers, the trace shows what it did. Screenshots go to {@code target/screenshots/playground-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundPageBrowserTests {

    private static final String PASSWORD = "playground-browser-password";
    private static final String API_KEY = "bt_playground_browser_key_0123456789";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    HeadlessChromium chromium;
    final List<Page> pages = new ArrayList<>();
    Page page;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.password", () -> PASSWORD);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
    }

    /** The demo store is imported and indexed in the background; the agent answers from it, so wait for all of it. */
    @BeforeAll
    void demoStoreIndexedAndBrowserStarted() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + API_KEY).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Map<String, Object>> sources = api.get().uri("/api/v1/knowledge/sources").retrieve().body(LIST);
            return sources != null && sources.size() >= 50
                    && sources.stream().allMatch(source -> "INDEXED".equals(source.get("status")));
        });
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            HeadlessChromium.screenshot(page, "playground-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @AfterEach
    void closePages() {
        pages.forEach(open -> open.context().close());
        pages.clear();
    }

    @Test
    void anAdminAsksForAPriceAndSeesTheReplyWithItsTrace() {
        page = signedIn("admin", PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Playground")).click();

        assertThat(page).hasURL(Pattern.compile(".*/playground$"));
        assertThat(page).hasTitle("Playground · Baton");
        assertThat(page.locator(".topbar nav a.active")).hasText("Playground");
        assertThat(page.locator(".chat-empty")).isVisible();
        HeadlessChromium.screenshot(page, "playground-empty");

        send("How much is the Ridgeline Trail Runner?");

        assertThat(lines()).hasCount(2);
        assertThat(lines().first()).hasClass(Pattern.compile("\\bshopper\\b"));
        assertThat(lines().first()).containsText("How much is the Ridgeline Trail Runner?");
        assertThat(agentLines().last().locator(".bubble")).containsText("$139.00");
        assertThat(agentLines().last().locator(".badge.handover")).hasCount(0);
        // The reply's own line breaks stay (the text itself is never HTML); the two products it names show as cards
        // under it, each linking to its page.
        assertThat(agentLines().last().locator(".bubble")).hasCSS("white-space", "pre-wrap");
        assertThat(agentLines().last().locator(".product-card .card-title[href^='https://northwind-outfitters.example/products/']"))
                .hasCount(2);
        assertThat(agentLines().last().locator(".product-card .card-price").first()).hasText("$139.00");
        assertThat(trace().locator("[data-trace=language]")).hasText("en");
        assertThat(trace().locator("[data-tool=searchProducts]")).isVisible();
        assertThat(trace().locator("[data-trace=model]")).hasText("offline (no chat model)");
        assertThat(trace().locator("[data-trace=latency]")).hasText(Pattern.compile("^\\d+ ms$"));
        assertThat(page.locator("#message")).hasValue("");
        assertThat(page.locator(".chat-empty")).isHidden();
        HeadlessChromium.screenshot(page, "playground-price");

        // The whole conversation and the last trace come back with the page: they are saved, not kept in the browser.
        page.reload();
        assertThat(lines()).hasCount(2);
        assertThat(agentLines().last().locator(".bubble")).containsText("$139.00");
        assertThat(trace().locator("[data-tool=searchProducts]")).isVisible();
        assertThat(trace().locator("[data-trace=language]")).hasText("en");
    }

    @Test
    void aConversationSavedAsATestCaseRunsWithTheStarterCases() {
        page = playground();
        send("How much is the Ridgeline Trail Runner?");

        page.locator("details.test-cases summary").click();
        page.getByLabel("Save this conversation as").fill("Trail runner price from the page");
        page.getByLabel("The reply must contain").fill("$139.00, Ridgeline");
        page.getByLabel("Hand over?").selectOption("no");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as test case")).click();
        assertThat(page.locator(".alert.info")).hasText("Saved the test case 'Trail runner price from the page'.");

        page.locator("details.test-cases summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run all test cases")).click();

        Locator report = page.locator("table.report");
        assertThat(report.locator("tr", new Locator.LocatorOptions().setHasText("Trail runner price from the page")))
                .hasAttribute("data-passed", "true");
        assertThat(report.locator("tr[data-passed=false]")).hasCount(0);
        assertThat(report.locator("caption")).containsText(" passed");
        HeadlessChromium.screenshot(page, "playground-cases");
    }

    @Test
    void askingForAPersonInIndonesianShowsTheHandover() {
        page = playground();

        send("mau bicara dengan CS dong");

        Locator reply = agentLines().last();
        assertThat(reply.locator(".badge.handover")).hasText("Handed over: HUMAN_REQUESTED");
        assertThat(reply.locator(".bubble")).containsText("tim kami");
        assertThat(trace().locator("[data-trace=language]")).hasText("id");
        assertThat(trace().locator("[data-tool=requestHandover]")).containsText("reason=HUMAN_REQUESTED");
        assertThat(trace().locator(".handover-rules .fired")).containsText("HUMAN_REQUESTED");
        HeadlessChromium.screenshot(page, "playground-handover");
    }

    @Test
    void aLongConversationScrollsInsideTheChatAndTheTraceStaysBesideIt() {
        page = playground();
        for (String message : List.of("hi", "Can I return shoes I bought last month?", "Where is my order #1001?",
                "It's emma.larsen@example.com", "Halo kak, berapa harga Ridgeline Trail Runner?")) {
            send(message);
        }

        assertThat(lines()).hasCount(10);
        assertThat(trace().locator("[data-tool=searchProducts]")).isVisible();
        var chat = page.locator(".chat").boundingBox();
        var panel = trace().boundingBox();
        assertThat(chat.x + chat.width).isLessThanOrEqualTo(panel.x);
        assertThat(chat.y + chat.height).isLessThanOrEqualTo(900);
        HeadlessChromium.screenshot(page, "playground-conversation");
    }

    @Test
    void resetEmptiesTheChatAndAMessageToAResetSessionSaysSo() {
        page = playground();
        send("hi");
        assertThat(lines()).hasCount(2);
        Page otherTab = page.context().newPage();
        otherTab.navigate("/playground");
        assertThat(otherTab.locator(".chat-log .line")).hasCount(2);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset")).click();

        assertThat(page.locator(".alert.info")).containsText("Reset");
        assertThat(lines()).hasCount(0);
        assertThat(page.locator(".chat-empty")).isVisible();
        assertThat(trace()).containsText("Send a message");
        HeadlessChromium.screenshot(page, "playground-reset");

        otherTab.locator("#message").fill("How much is the Ridgeline Trail Runner?");
        otherTab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(otherTab.locator(".composer-error .alert")).containsText("no longer exists");
        assertThat(otherTab.locator("#message")).hasValue("How much is the Ridgeline Trail Runner?");
        assertThat(otherTab.locator(".chat-log .line")).hasCount(0);
        otherTab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(otherTab.locator(".chat-log .line.agent .bubble")).containsText("$139.00");
        assertThat(otherTab.locator(".composer-error .alert")).hasCount(0);
    }

    @Test
    void anEmptyOrTooLongMessageShowsAnErrorAndKeepsWhatWasTyped() {
        page = playground();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(page.locator(".composer-error .alert")).hasText("Type the shopper's message first.");
        assertThat(lines()).hasCount(0);
        HeadlessChromium.screenshot(page, "playground-error");

        String tooLong = "Is this in stock? ".repeat(250);
        send(tooLong);
        assertThat(page.locator(".composer-error .alert")).containsText("the limit is 4096");
        assertThat(page.locator("#message")).hasValue(tooLong);
        assertThat(lines()).hasCount(0);
        assertThat(page.locator("body")).not().containsText("Exception");
    }

    @Test
    void withoutJavaScriptAMessageIsSentAndTheWholeConversationShown() {
        page = signIn(chromium.newPageWithoutJavaScript(port), "admin", PASSWORD);
        page.navigate("/playground");

        send("Can I return shoes I bought last month?");

        assertThat(page).hasURL(Pattern.compile(".*/playground$"));
        assertThat(lines()).hasCount(2);
        assertThat(agentLines().last().locator(".bubble")).containsText("Refund policy");
        assertThat(trace().locator("[data-tool=searchPolicies]")).isVisible();
        Locator policy = trace().locator("[data-tool=searchPolicies]");
        assertThat(policy.locator("pre.tool-result")).not().isVisible();
        policy.getByText("show all").click();
        assertThat(policy.locator("pre.tool-result")).containsText("Refund policy › What can be returned: Shoes and boots");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator(".composer-error .alert")).hasText("Type the shopper's message first.");
        assertThat(lines()).hasCount(2);
        HeadlessChromium.screenshot(page, "playground-no-javascript");
    }

    @Test
    void aManagerCannotOpenThePlayground() {
        var account = accounts.create("Playground managers' store");
        accounts.createUser(account.id(), "playground-manager", "manager-password", Role.MANAGER);
        page = signedIn("playground-manager", "manager-password");

        Response response = page.navigate("/playground");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("main")).containsText("You do not have access to this page.");
    }

    private Page playground() {
        Page signedIn = signedIn("admin", PASSWORD);
        signedIn.navigate("/playground");
        assertThat(signedIn.locator("#message")).isVisible();
        return signedIn;
    }

    private Page signedIn(String username, String password) {
        return signIn(chromium.newPage(port), username, password);
    }

    private Page signIn(Page fresh, String username, String password) {
        pages.add(fresh);
        return HeadlessChromium.signIn(fresh, username, password);
    }

    /** Sends a message and waits until its reply (or its error) is in the page. */
    private void send(String message) {
        int before = lines().count();
        page.locator("#message").fill(message);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForCondition(() -> lines().count() > before || page.locator(".composer-error .alert").count() > 0);
    }

    private Locator lines() {
        return page.locator(".chat-log .line");
    }

    private Locator agentLines() {
        return page.locator(".chat-log .line.agent");
    }

    private Locator trace() {
        return page.locator("#trace");
    }
}
