package dev.baton.channel.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.DemoStoreIndex;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.conversation.ConversationApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way, in headless Chromium: a store page on another origin with the widget's script tag, Baton with the
 * demo store and no chat model behind it, so the offline agent answers from the catalog, hands over when asked for
 * a person, and a manager's reply through the API reaches the open widget. Screenshots go to
 * {@code target/screenshots/web-chat-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebChatEndToEndBrowserTests {

    private static final String API_KEY = "bt_web_chat_end_to_end_key_0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ConversationApi conversations;
    RestClient api;
    HeadlessChromium chromium;
    StorePage store;
    String publicKey;
    Page page;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
    }

    @BeforeAll
    void demoStoreIndexedAndAStorePageWithTheWidget() {
        conversations = new ConversationApi(port, API_KEY);
        api = conversations.client();
        DemoStoreIndex.await(api);
        publicKey = (String) api.get().uri("/api/v1/channels").retrieve().body(ConversationApi.LIST).stream()
                .filter(channel -> "web-chat".equals(channel.get("id"))).findFirst().orElseThrow().get("publicKey");
        store = new StorePage(port, publicKey);
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            HeadlessChromium.screenshot(page, "web-chat-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
        }
    }

    @Test
    void aShopperGetsAGroundedAnswerKeepsItAcrossAReloadAsksForAPersonAndHearsFromTheTeam() {
        selectForTheAgent(true);
        page = chromium.newPage(port);
        page.navigate(store.url("/"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();

        String conversationId = send("How much is the Ridgeline Trail Runner?");

        assertThat(page.locator(".line.shopper .text")).hasText("How much is the Ridgeline Trail Runner?");
        assertThat(page.locator(".line.agent .text")).containsText("$139.00");
        assertThat(page.locator(".line.agent .text")).containsText("Ridgeline Trail Runner");
        assertThat(page.locator(".typing")).hasCount(0);
        HeadlessChromium.screenshot(page, "web-chat-grounded-answer");

        page.reload();

        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        assertThat(page.locator(".line.shopper .text")).hasText("How much is the Ridgeline Trail Runner?");
        assertThat(page.locator(".line.agent .text")).containsText("$139.00");
        assertThat(page.locator(".line.shopper, .line.agent")).hasCount(2);

        assertThat(send("I want to talk to a person")).isEqualTo(conversationId);

        assertThat(page.locator(".line.agent").nth(1).locator(".text"))
                .hasText("I'm connecting you with our team, one moment please!");
        assertThat(conversations.conversation(conversationId)).containsEntry("status", "HANDED_OVER");
        HeadlessChromium.screenshot(page, "web-chat-handover");

        var reply = api.post().uri("/api/v1/conversations/{id}/reply", conversationId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "Hi, Sam from Northwind here. The Ridgeline comes in Moss and Graphite; which one?"))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(reply.getStatusCode()).as("%s", reply.getBody()).isEqualTo(HttpStatus.OK);

        assertThat(page.locator(".line.manager .who")).hasText("From the team");
        assertThat(page.locator(".line.manager .text")).hasText(
                "Hi, Sam from Northwind here. The Ridgeline comes in Moss and Graphite; which one?");
        assertThat(page.locator(".line").last()).hasClass(Pattern.compile("\\bmanager\\b"));
        HeadlessChromium.screenshot(page, "web-chat-manager-reply");
    }

    @Test
    void aProductAnswerShowsTheProductAsACardWithPriceStockTheStoresImageAndALinkToItsPage() {
        selectForTheAgent(true);
        page = chromium.newPage(port);
        // The demo store's images live on its own (unreachable) host: the test serves one picture in their place.
        page.route("https://northwind-outfitters.example/images/**", route -> route.fulfill(
                new com.microsoft.playwright.Route.FulfillOptions().setContentType("image/svg+xml").setBody(
                        "<svg xmlns='http://www.w3.org/2000/svg' width='96' height='96'><rect width='96' height='96'"
                                + " fill='#2f6f4e'/><path d='M20 70 L48 22 L76 70 Z' fill='#cfe8d8'/></svg>")));
        page.navigate(store.url("/"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();

        send("Do you have the Stormline rain jacket in L Black?");

        var card = page.locator(".line.agent .card");
        assertThat(page.locator(".line.agent .text")).containsText("L / Black");
        assertThat(card).hasCount(1);
        assertThat(card.locator(".t")).hasText("Stormline 2.5L Rain Jacket · L / Black");
        assertThat(card.locator(".p")).hasText("$159.00");
        assertThat(card.locator(".s")).hasText("37 available");
        assertThat(card).hasAttribute("href", "https://northwind-outfitters.example/products/stormline-rain-jacket");
        assertThat(card).hasAttribute("rel", "noopener noreferrer");
        assertThat(card.locator("img")).hasAttribute("src",
                "https://northwind-outfitters.example/images/stormline-rain-jacket.jpg");
        org.assertj.core.api.Assertions.assertThat((Boolean) card.locator("img").evaluate("img => img.complete && img.naturalWidth > 0"))
                .isTrue();

        send("What's your cheapest tent?");

        var cheapest = page.locator(".line.agent").nth(1);
        assertThat(cheapest.locator(".text")).containsText("Ultralight Tarp Shelter");
        assertThat(cheapest.locator(".card")).hasCount(1);
        assertThat(cheapest.locator(".card .p")).hasText("$119.00");
        HeadlessChromium.screenshot(page, "web-chat-product-cards");
    }

    @Test
    void withTheWebChatNotSelectedForTheAgentTheMessageIsKeptAndNobodyAnswers() {
        selectForTheAgent(false);
        try {
            page = chromium.newPage(port);
            page.navigate(store.url("/"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();

            String conversationId = send("Do you sell gift cards?");

            assertThat(page.locator(".line.shopper .text")).hasText("Do you sell gift cards?");
            assertThat(page.locator(".typing")).hasCount(0);
            List<Map<String, Object>> handled = conversations.awaitHandled(conversationId);
            assertThat(handled).singleElement().satisfies(message -> {
                assertThat(message).containsEntry("role", "SHOPPER").containsEntry("status", "NOT_ANSWERED");
                assertThat((String) message.get("note")).isEqualTo("the channel 'web-chat' is not selected for the agent");
            });

            // what the widget reads once the message was handled (a reply would have been written with it): no reply
            page.reload();
            assertThat(page.locator(".line.shopper .text")).hasText("Do you sell gift cards?");
            assertThat(page.locator(".line.shopper, .line.agent, .line.manager, .line.system")).hasCount(1);
            HeadlessChromium.screenshot(page, "web-chat-not-selected");
        } finally {
            selectForTheAgent(true);
        }
    }

    /** Sends through the widget as a shopper would (Enter) and answers the conversation id Baton gave back. */
    private String send(String text) {
        page.getByLabel("Your message").fill(text);
        Response response = page.waitForResponse(r -> r.url().endsWith("/widget/api/" + publicKey + "/messages")
                && "POST".equals(r.request().method()), () -> page.getByLabel("Your message").press("Enter"));
        assertThat(response.status()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.text());
        return body.get("conversationId").asString();
    }

    private void selectForTheAgent(boolean selected) {
        var updated = api.patch().uri("/api/v1/channels/web-chat").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("agentEnabled", selected)).retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(updated.getBody()).containsEntry("agentEnabled", selected);
    }
}
