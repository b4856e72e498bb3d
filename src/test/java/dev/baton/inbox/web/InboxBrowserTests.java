package dev.baton.inbox.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.DemoStoreIndex;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.channel.web.StorePage;
import dev.baton.conversation.ConversationApi;
import org.junit.jupiter.api.AfterAll;
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
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.conversation.ConversationApi.byRole;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's "done when", in headless Chromium: a shopper on the web widget asks for a person in Indonesian and sees
 * the transition message; the manager, signed in with the Inbox open, sees the conversation arrive unread (without
 * reloading) with the reason and the summary, replies, and the shopper sees the reply in the widget; the agent sends
 * nothing after the transfer. Screenshots: {@code target/screenshots/inbox-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxBrowserTests {

    private static final String API_KEY = "bt_inbox_browser_key_0123456789abcd";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ConversationApi conversations;
    RestClient api;
    HeadlessChromium chromium;
    StorePage store;
    String publicKey;
    Page shopper;
    Page manager;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.inbox.check-interval", () -> "PT0.5S");
    }

    @BeforeAll
    void setUp() {
        conversations = new ConversationApi(port, API_KEY);
        api = conversations.client();
        DemoStoreIndex.await(api);
        publicKey = (String) api.get().uri("/api/v1/channels").retrieve().body(ConversationApi.LIST).stream()
                .filter(channel -> "web-chat".equals(channel.get("id"))).findFirst().orElseThrow().get("publicKey");
        var created = api.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "maria", "password", "maria-password-1", "displayName", "Maria Santoso",
                        "role", "MANAGER"))
                .retrieve().toEntity(ConversationApi.OBJECT);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
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
        if (test.getExecutionException().isPresent()) {
            for (Page page : new Page[] { shopper, manager }) {
                if (page != null && !page.isClosed()) {
                    HeadlessChromium.screenshot(page, "inbox-failed-" + (page == shopper ? "shopper" : "manager"));
                }
            }
        }
    };

    @Test
    void aShopperAsksForAPersonInIndonesianAndTheManagerAnswersFromTheInbox() {
        manager = HeadlessChromium.signIn(chromium.newPage(port), "maria", "maria-password-1");
        assertThat(manager).hasURL(Pattern.compile(".*/inbox$"));
        assertThat(manager.locator(".inbox-list .empty")).isVisible();

        shopper = chromium.newPage(port);
        shopper.navigate(store.url("/"));
        shopper.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();
        String conversationId = send("Halo kak, sepatu Ridgeline Trail Runner ada ukuran 42?");
        assertThat(shopper.locator(".line.agent .text")).hasCount(1);
        assertThat(send("mau bicara dengan CS")).isEqualTo(conversationId);
        assertThat(shopper.locator(".line.agent").nth(1).locator(".text"))
                .hasText("Saya hubungkan Anda dengan tim kami, mohon tunggu sebentar!");
        HeadlessChromium.screenshot(shopper, "inbox-shopper-transition");

        // The manager's open Inbox gets it without a reload: unread, the reason, assigned to them (online).
        var item = manager.locator(".inbox-item[data-conversation='" + conversationId + "']");
        assertThat(item).isVisible();
        assertThat(item).hasClass(Pattern.compile("\\bunread\\b"));
        assertThat(item.locator("[data-testid=reason]")).hasText("HUMAN_REQUESTED");
        assertThat(item.locator(".assignee")).hasText("for Maria Santoso");
        assertThat(item.locator("time.sla")).containsText("min left");
        HeadlessChromium.screenshot(manager, "inbox-list-unread");

        item.locator("a").click();
        manager.waitForURL(Pattern.compile(".*/inbox\\?c=" + conversationId));
        assertThat(manager.locator(".summary-card")).containsText("Halo kak, sepatu Ridgeline Trail Runner ada ukuran 42?");
        assertThat(manager.locator(".summary-card")).containsText("HUMAN_REQUESTED");
        assertThat(manager.locator(".summary-card dt").first()).hasText("Wants");
        assertThat(manager.locator("#transcript .line.shopper .bubble")).hasText(new String[] {
                "Halo kak, sepatu Ridgeline Trail Runner ada ukuran 42?", "mau bicara dengan CS" });
        assertThat(manager.locator(".inbox-item.selected")).not().hasClass(Pattern.compile("\\bunread\\b"));
        HeadlessChromium.screenshot(manager, "inbox-conversation");

        manager.getByLabel("Your reply to the shopper").fill("Halo kak, saya Maria. Ukuran 42 ada, mau warna apa?");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(manager.locator(".alert.info")).hasText("Sent.");
        assertThat(manager.locator("#transcript .line.manager .bubble"))
                .hasText("Halo kak, saya Maria. Ukuran 42 ada, mau warna apa?");

        assertThat(shopper.locator(".line.manager .text")).hasText("Halo kak, saya Maria. Ukuran 42 ada, mau warna apa?");
        HeadlessChromium.screenshot(shopper, "inbox-shopper-sees-reply");

        // The agent stays silent after the transfer; the shopper's answer shows up live in the manager's transcript.
        send("Warna hitam ya kak");
        List<Map<String, Object>> transcript = conversations.awaitHandled(conversationId);
        assertThat(byRole(transcript, "AGENT")).hasSize(2);
        assertThat(manager.locator("#transcript .line.shopper .bubble").last()).hasText("Warna hitam ya kak");
        assertThat(shopper.locator(".line.agent")).hasCount(2);
        HeadlessChromium.screenshot(manager, "inbox-live-update");
    }

    /** Sends through the widget as a shopper would (Enter) and answers the conversation id Baton gave back. */
    private String send(String text) {
        shopper.getByLabel("Your message").fill(text);
        Response response = shopper.waitForResponse(r -> r.url().endsWith("/widget/api/" + publicKey + "/messages")
                && "POST".equals(r.request().method()), () -> shopper.getByLabel("Your message").press("Enter"));
        assertThat(response.status()).isEqualTo(202);
        return JSON.readTree(response.text()).get("conversationId").asString();
    }
}
