package dev.baton.conversation.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.DemoStoreIndex;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.conversation.ConversationApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The conversation view on a lead, in headless Chromium: the transcript with who wrote each message, the lifecycle
 * state, the red Stop agent button, the manager's reply, new messages appearing without a reload, closing.
 * Screenshots: {@code target/screenshots/lead-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadPageBrowserTests {

    private static final String API_KEY = "bt_lead_page_browser_key_0123456";
    private static final String PASSWORD = "lead-page-browser-password";

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    ConversationApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.demo-store", () -> "true");
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.bootstrap.password", () -> PASSWORD);
    }

    @BeforeAll
    void setUp() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        chromium = new HeadlessChromium();
        api = new ConversationApi(port, API_KEY);
        DemoStoreIndex.await(api.client());
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theTranscriptShowsWhoWroteAndTheTeamCanStopTheAgentReplyAndClose() {
        String conversation = api.send("demo", "page-1", "page-contact", "How much is the Ridgeline Trail Runner?");
        api.awaitHandled(conversation);
        String lead = (String) api.conversation(conversation).get("leadId");
        Page page = signIn();

        page.navigate("/leads/" + lead);

        assertThat(page.locator("h1")).hasText("Shopper page-contact");
        assertThat(page.getByTestId("status")).hasText("AI_ACTIVE");
        assertThat(page.locator("#transcript .line .who")).containsText(new String[] {"Shopper", "Agent"});
        assertThat(page.locator("#transcript .line.agent .bubble")).containsText("$139.00");
        assertThat(page.locator("#transcript .line.shopper .meta")).hasText("answered");
        HeadlessChromium.screenshot(page, "lead-ai-active");

        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop agent")).click();

        assertThat(page.getByTestId("status")).hasText("AGENT_STOPPED");
        assertThat(page.locator(".alert.info")).containsText("will not write here again");
        assertThat(page.locator("#transcript .line.system .bubble")).containsText("Agent stopped by admin.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop agent"))).hasCount(0);

        page.getByLabel("Your reply to the shopper").fill("Hi, this is Ana from the team. The runner is in stock.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(page.locator("#transcript .line.manager .who")).containsText("Manager");
        assertThat(page.locator("#transcript .line.manager .bubble")).hasText("Hi, this is Ana from the team. The runner is in stock.");

        // The shopper writes again: the line appears without a reload, and the stopped agent does not answer.
        api.send("demo", "page-2", "page-contact", "Thanks! Can I pick it up today?");
        assertThat(page.locator("#transcript .line.shopper .bubble").last()).hasText("Thanks! Can I pick it up today?");
        assertThat(page.locator("#transcript .line.shopper .meta").last()).containsText("not answered: the agent is off here");
        assertThat(page.locator("#transcript .line.agent")).hasCount(1);
        HeadlessChromium.screenshot(page, "lead-agent-stopped");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();

        assertThat(page.getByTestId("status")).hasText("CLOSED");
        assertThat(page.getByLabel("Your reply to the shopper")).hasCount(0);
        assertThat(page).hasURL(Pattern.compile(".*/leads/" + lead + "\\?conversation=" + conversation + "$"));
    }

    @Test
    void anEmptyReplyIsRefusedWithAReadableMessage() {
        String conversation = api.send("demo", "empty-1", "empty-contact", "hi");
        api.awaitHandled(conversation);
        Page page = signIn();
        page.navigate("/leads/" + api.conversation(conversation).get("leadId"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();

        assertThat(page.locator(".alert.error")).hasText("The reply is empty.");
        assertThat(page.locator("#transcript .line.manager")).hasCount(0);
    }

    private Page signIn() {
        Page page = chromium.newPage(port);
        page.navigate("/login");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/knowledge$"));
        return page;
    }
}
