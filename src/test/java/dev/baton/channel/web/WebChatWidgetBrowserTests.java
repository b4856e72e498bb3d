package dev.baton.channel.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.channel.ConversationGateway;
import dev.baton.channel.InboundMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The widget itself in headless Chromium, on a store page of another origin, with the conversations behind Baton
 * replaced by {@link FakeConversations} so each test writes the replies it needs: what the visitor sees, keyboard
 * use, the stream being reopened, the polling fallback, a failed send, and the store's CSS kept out.
 * Screenshots go to {@code target/screenshots/web-chat-widget-*.png}.
 */
@DirtiesContext
@Import(MockedConversations.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebChatWidgetBrowserTests {

    private static final String API_KEY = "bt_web_chat_widget_browser_key_0123456789";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    ConversationGateway gateway;

    HeadlessChromium chromium;
    StorePage store;
    FakeConversations conversations;
    Page page;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.channel.web-chat.stream-duration", () -> "PT3S");
        registry.add("baton.channel.web-chat.stream-check-interval", () -> "PT0.5S");
    }

    @BeforeAll
    void storeWithTheWidgetAndBrowser() {
        RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + API_KEY).build();
        String publicKey = (String) api.get().uri("/api/v1/channels").retrieve().body(LIST).stream()
                .filter(channel -> "web-chat".equals(channel.get("id"))).findFirst().orElseThrow().get("publicKey");
        api.patch().uri("/api/v1/channels/web-chat").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("agentEnabled", true)).retrieve().toBodilessEntity();
        store = new StorePage(port, publicKey);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        chromium = new HeadlessChromium();
    }

    @BeforeEach
    void emptyConversations() {
        conversations = new FakeConversations();
        reset(gateway);
        when(gateway.receive(any())).thenAnswer(call -> conversations.receive(call.getArgument(0)));
        when(gateway.transcript(any(), any(), anyString(), anyLong(), anyInt())).thenAnswer(call ->
                conversations.transcript(call.getArgument(2), call.getArgument(3), call.getArgument(4)));
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
            HeadlessChromium.screenshot(page, "web-chat-widget-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
        }
    }

    @Test
    void aVisitorOpensTheChatWritesWithEnterAndSeesEachKindOfReply() {
        page = storePage("/");
        Locator bubble = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"));
        assertThat(bubble).isVisible();
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
        HeadlessChromium.screenshot(page, "web-chat-widget-closed");

        bubble.click();

        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Chat with us"))).isVisible();
        assertThat(page.locator(".bubble")).hasAttribute("aria-expanded", "true");
        assertThat(page.getByLabel("Your message")).isFocused();
        page.getByLabel("Your message").fill("Do you have trail shoes in size 9?");
        page.getByLabel("Your message").press("Enter");

        assertThat(page.locator(".line.shopper .text")).hasText(Pattern.compile("Do you have trail shoes in size 9\\?"));
        assertThat(page.locator(".typing")).isVisible();
        assertThat(page.getByLabel("Your message")).hasValue("");
        String visitor = visitorId();
        awaitInbound(1);
        InboundMessage inbound = conversations.inbound.get(0);
        assertThat(inbound.contact().externalId()).isEqualTo(visitor);
        assertThat(inbound.contact().verified()).isFalse();
        assertThat(inbound.text()).isEqualTo("Do you have trail shoes in size 9?");

        conversations.add(visitor, "AGENT", "Yes: the Ridgeline Trail Runner is $139.00 and size 9 is in stock. "
                + "https://northwind-outfitters.example/products/ridgeline-trail-runner-mens");
        assertThat(page.locator(".line.agent")).containsText("$139.00");
        assertThat(page.locator(".line.agent a")).hasAttribute("href",
                "https://northwind-outfitters.example/products/ridgeline-trail-runner-mens");
        assertThat(page.locator(".typing")).hasCount(0);

        conversations.add(visitor, "SYSTEM", "Sam from the Northwind team has joined the chat.");
        conversations.add(visitor, "MANAGER", "Hi, Sam here! Want me to hold a pair for you?");
        assertThat(page.locator(".line.system")).hasText("Sam from the Northwind team has joined the chat.");
        assertThat(page.locator(".line.manager .who")).hasText("From the team");
        assertThat(page.locator(".line.manager .text")).hasText("Hi, Sam here! Want me to hold a pair for you?");
        assertThat(page.locator(".line.shopper, .line.agent, .line.system, .line.manager")).hasCount(4);
        HeadlessChromium.screenshot(page, "web-chat-widget-open");
    }

    @Test
    void theConversationComesBackOnTheStoresNextPage() {
        page = storePage("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();
        send("Do you ship to Norway?");
        String visitor = visitorId();
        awaitInbound(1);
        conversations.add(visitor, "AGENT", "Yes, we ship to Norway in 3 to 5 working days.");
        assertThat(page.locator(".line.agent")).hasCount(1);

        page.navigate(store.url("/product"));

        assertThat(page.locator("h1")).hasText("Ridgeline Trail Runner");
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        assertThat(page.locator(".line.shopper .text")).hasText("Do you ship to Norway?");
        assertThat(page.locator(".line.agent .text")).hasText(Pattern.compile("3 to 5 working days"));
        assertThat(visitorId()).isEqualTo(visitor);
        conversations.add(visitor, "MANAGER", "Shipping to Norway is free this week, by the way.");
        assertThat(page.locator(".line.manager")).containsText("free this week");
        HeadlessChromium.screenshot(page, "web-chat-widget-next-page");
    }

    @Test
    void escapeClosesThePanelAndAReplyMeanwhileMarksTheBubble() {
        page = storePage("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();
        send("Is the Beacon headlamp waterproof?");
        awaitInbound(1);

        page.keyboard().press("Escape");

        Locator bubble = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat"));
        assertThat(page.getByRole(AriaRole.DIALOG)).isHidden();
        assertThat(bubble).isFocused();
        assertThat(bubble).hasAttribute("aria-expanded", "false");
        assertThat(page.locator(".unread")).isHidden();
        conversations.add(visitorId(), "AGENT", "It is rated IPX4: fine in the rain.");
        assertThat(page.locator(".unread")).isVisible();
        HeadlessChromium.screenshot(page, "web-chat-widget-unread");

        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        assertThat(page.locator(".unread")).isHidden();
        assertThat(page.locator(".line.agent")).containsText("IPX4");
    }

    @Test
    void aStreamThatEndsIsReopenedFromTheLastLineShown() {
        page = storePage("/");
        List<String> streams = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/events?")) {
                streams.add(request.url());
            }
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();
        send("Hello?");
        String visitor = visitorId();
        awaitInbound(1);
        assertThat(page.locator(".line.shopper .text")).hasText("Hello?");

        // each stream lasts 3 s here: wait for the widget to open a second one, then reply
        page.waitForCondition(() -> streams.size() >= 2, new Page.WaitForConditionOptions().setTimeout(15_000));
        conversations.add(visitor, "AGENT", "Hi! How can I help you today?");

        assertThat(page.locator(".line.agent .text")).hasText("Hi! How can I help you today?");
        assertThat(streams.get(0)).contains("visitorId=" + visitor).contains("after=0");
        assertThat(streams.get(1)).contains("after=1");
        assertThat(page.locator(".line.shopper")).hasCount(1);
    }

    @Test
    void withoutEventSourceTheWidgetPolls() {
        page = chromium.newPage(port);
        page.context().addInitScript("Object.defineProperty(window, 'EventSource', { value: undefined });");
        List<String> requests = new CopyOnWriteArrayList<>();
        page.onRequest(request -> requests.add(request.url()));
        page.navigate(store.url("/"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();
        send("Do you have gift cards?");
        awaitInbound(1);

        conversations.add(visitorId(), "AGENT", "We do, from $25.00.");

        assertThat(page.locator(".line.agent .text")).hasText("We do, from $25.00.");
        assertThat(requests).anyMatch(url -> url.contains("/messages?visitorId=")).noneMatch(url -> url.contains("/events"));
    }

    @Test
    void aMessageThatFailedToSendIsSentAgainWithTheSameId() {
        doThrow(new IllegalStateException("database restarting"))
                .doAnswer(call -> conversations.receive(call.getArgument(0))).when(gateway).receive(any());
        page = storePage("/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open chat")).click();

        send("Can I pay with PayPal?");

        assertThat(page.locator(".line.shopper.failed")).isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(Pattern.compile("^Not sent: Something went wrong on our side"));
        HeadlessChromium.screenshot(page, "web-chat-widget-send-failed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send again")).click();

        assertThat(page.locator(".line.shopper.failed")).hasCount(0);
        assertThat(page.getByRole(AriaRole.ALERT)).isHidden();
        awaitInbound(1);
        ArgumentCaptor<InboundMessage> sent = ArgumentCaptor.forClass(InboundMessage.class);
        verify(gateway, times(2)).receive(sent.capture());
        assertThat(sent.getAllValues().get(1).externalMessageId()).isEqualTo(sent.getAllValues().get(0).externalMessageId());
        conversations.add(visitorId(), "AGENT", "Yes, PayPal works at checkout.");
        assertThat(page.locator(".line.agent .text")).hasText("Yes, PayPal works at checkout.");
        assertThat(page.locator(".line.shopper")).hasCount(1);
    }

    @Test
    void theStoresStylesStayOutOfTheWidgetAndTheWidgetsOutOfTheStore() {
        page = storePage("/");
        Locator bubble = page.locator(".bubble");
        bubble.click();

        assertThat(bubble).hasCSS("background-color", "rgb(79, 70, 229)");
        assertThat(bubble).hasCSS("border-top-style", "none");
        assertThat(page.getByLabel("Your message")).hasCSS("background-color", "rgb(255, 255, 255)");
        assertThat(page.locator(".line.hello .text")).hasCSS("letter-spacing", "normal");
        assertThat(page.locator(".line.hello .text")).not().hasCSS("font-family", Pattern.compile(".*Georgia.*"));
        // and the store's own button is as the store styled it
        assertThat(page.locator("#add")).hasCSS("background-color", "rgb(255, 0, 0)");
        assertThat(page.locator("#add")).hasCSS("font-family", Pattern.compile(".*Comic Sans MS.*"));
        var panel = page.getByRole(AriaRole.DIALOG).boundingBox();
        assertThat(panel.x + panel.width).isLessThanOrEqualTo(1280);
        assertThat(panel.y + panel.height).isLessThanOrEqualTo(900);

        // on a phone the panel takes the whole screen
        page.setViewportSize(390, 760);
        var phone = page.getByRole(AriaRole.DIALOG).boundingBox();
        assertThat(phone.x).isEqualTo(0);
        assertThat(phone.width).isEqualTo(390);
        assertThat(phone.height).isEqualTo(760);
        assertThat(page.getByLabel("Your message")).isInViewport();
        HeadlessChromium.screenshot(page, "web-chat-widget-phone");
    }

    private Page storePage(String path) {
        Page opened = chromium.newPage(port);
        opened.navigate(store.url(path));
        return opened;
    }

    private void send(String text) {
        page.getByLabel("Your message").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();
    }

    private String visitorId() {
        return (String) page.evaluate("() => window.BatonChat.visitorId");
    }

    private void awaitInbound(int count) {
        page.waitForCondition(() -> conversations.inbound.stream().map(InboundMessage::externalMessageId).distinct().count() >= count);
    }
}
