package dev.baton.pipeline.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import dev.baton.pipeline.PipelineApi;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.pipeline.PipelineApi.stageId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pipeline and Agent settings pages in a real (headless) Chromium, on the embedded storage. Each test works in
 * an account of its own, signed in as its owner. Screenshots go to {@code target/screenshots/pipeline-*.png} and
 * {@code agent-settings-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelinePageBrowserTests {

    private static final String PASSWORD = "pipeline-browser-password";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    HeadlessChromium chromium;
    final List<BrowserContext> contexts = new ArrayList<>();
    Page page;
    PipelineApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @BeforeAll
    void startBrowser() {
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
            HeadlessChromium.screenshot(page, "pipeline-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @AfterEach
    void closePages() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void theBoardShowsTheStagesAndTheStatusFollowsTheChannelsAndTriggers() {
        page = signedInToANewAccount(chromium.newPage(port));
        String emma = (String) api.post("/api/v1/leads", Map.of("name", "Emma Larsen")).getBody().get("id");
        api.post("/api/v1/leads", Map.of("name", "Marcus Reid"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pipeline").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/pipeline$"));
        assertThat(page).hasTitle("Pipeline · Baton");
        assertThat(page.locator(".topbar nav a.active")).hasText("Pipeline");
        assertThat(page.locator("section.column h2 > span:first-child"))
                .hasText(new String[] {"New inquiry", "Qualified", "Won", "Lost"});
        Locator inquiry = column("New inquiry");
        assertThat(inquiry.locator(".lead-card .lead-name")).hasText(new String[] {"Marcus Reid", "Emma Larsen"});
        assertThat(inquiry.locator(".count")).hasText("2 leads");
        assertThat(inquiry.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Emma Larsen")))
                .hasAttribute("href", "/leads/" + emma);
        assertThat(inquiry.locator(".lead-card time").first()).hasText(Pattern.compile("^\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}$"));
        assertThat(column("Won").locator(".column-empty")).hasText("No leads");
        assertStatus("PLAYGROUND_ONLY", "the agent can be saved and used only in the playground");
        HeadlessChromium.screenshot(page, "pipeline-playground-only");

        page.getByLabel("Web chat").check();

        assertStatus("INACTIVE", "not active");
        assertThat(page.getByLabel("Web chat")).isChecked();
        assertThat(page.locator(".alert.info")).hasText("Saved the agent's channels.");
        assertThat(api.list("/api/v1/channels")).singleElement().satisfies(channel ->
                assertThat(channel).containsEntry("name", "Web chat").containsEntry("agentEnabled", true));

        agentSwitch("Qualified").click();

        assertThat(agentSwitch("Qualified")).hasAttribute("aria-checked", "true");
        assertThat(agentSwitch("New inquiry")).hasAttribute("aria-checked", "false");
        assertStatus("ACTIVE", "it answers messages on Web chat from leads in Qualified (Sales).");
        assertThat(page.locator(".alert.info")).hasText("Switched the AI agent on for 'Qualified'.");
        HeadlessChromium.screenshot(page, "pipeline-active");

        agentSwitch("Qualified").click();

        assertThat(agentSwitch("Qualified")).hasAttribute("aria-checked", "false");
        assertStatus("INACTIVE", "not active");
        assertThat(api.get("/api/v1/agent/triggers").getBody()).containsEntry("status", "INACTIVE");

        column("New inquiry").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Emma Larsen")).click();
        assertThat(page).hasURL(Pattern.compile(".*/leads/" + emma + "$"));
        assertThat(page.locator("h1")).hasText("Emma Larsen");
    }

    @Test
    void switchingTheAgentOnWhereAnotherBotRunsAsksFirstThenWarnsInTheColumn() {
        page = signedInToANewAccount(chromium.newPage(port));
        Map<String, Object> sales = api.firstPipeline();
        api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("automations", List.of("Welcome bot")),
                sales.get("id"), stageId(sales, "New inquiry"));
        page.navigate("/pipeline");
        Locator inquiry = column("New inquiry");
        assertThat(inquiry.locator(".automations")).hasText("Also on this stage: Welcome bot");

        agentSwitch("New inquiry").click();

        Locator confirmation = inquiry.getByRole(AriaRole.ALERTDIALOG);
        assertThat(confirmation).containsText("Switch the AI agent on anyway?");
        assertThat(confirmation).containsText("Welcome bot already runs on this stage");
        assertThat(agentSwitch("New inquiry")).hasAttribute("aria-checked", "false");
        assertThat(triggeredStages()).as("nothing is saved before the confirmation").isEmpty();
        HeadlessChromium.screenshot(page, "pipeline-confirm");

        confirmation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(inquiry.getByRole(AriaRole.ALERTDIALOG)).hasCount(0);
        assertThat(agentSwitch("New inquiry")).hasAttribute("aria-checked", "false");

        agentSwitch("New inquiry").click();
        inquiry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Switch on anyway")).click();

        assertThat(agentSwitch("New inquiry")).hasAttribute("aria-checked", "true");
        assertThat(inquiry.getByRole(AriaRole.ALERTDIALOG)).hasCount(0);
        assertThat(inquiry.locator(".alert.warning[role=alert]")).containsText(
                "another bot on the same stage conflicts with the agent");
        assertThat(triggeredStages()).containsExactly("New inquiry");
        assertThat(column("Qualified").locator(".alert.warning")).hasCount(0);
        HeadlessChromium.screenshot(page, "pipeline-conflict");
    }

    @Test
    void aLeadIsMovedWithTheSelectOnItsCard() {
        page = signedInToANewAccount(chromium.newPage(port));
        String lead = (String) api.post("/api/v1/leads", Map.of("name", "Emma Larsen")).getBody().get("id");
        Map<String, Object> sales = api.firstPipeline();
        page.navigate("/pipeline");
        assertThat(page.getByLabel("Stage of Emma Larsen")).hasValue(stageId(sales, "New inquiry"));

        page.getByLabel("Stage of Emma Larsen").selectOption(new SelectOption().setLabel("Won"));

        assertThat(column("Won").locator(".lead-card .lead-name")).hasText("Emma Larsen");
        assertThat(column("New inquiry").locator(".lead-card")).hasCount(0);
        assertThat(page.locator(".alert.info")).hasText("Moved 'Emma Larsen' to Won.");
        assertThat(api.get("/api/v1/leads/{id}", lead).getBody()).containsEntry("stageId", stageId(sales, "Won"));
        HeadlessChromium.screenshot(page, "pipeline-moved");
    }

    @Test
    void withoutJavaScriptEveryFormStillWorks() {
        page = signedInToANewAccount(chromium.newPageWithoutJavaScript(port));
        api.post("/api/v1/leads", Map.of("name", "Emma Larsen"));
        Map<String, Object> sales = api.firstPipeline();
        api.patch("/api/v1/pipelines/{id}/stages/{stage}", Map.of("automations", List.of("Welcome bot")),
                sales.get("id"), stageId(sales, "Qualified"));
        page.navigate("/pipeline");

        page.getByLabel("Web chat").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save channels")).click();
        assertStatus("INACTIVE", "not active");

        agentSwitch("Qualified").click();
        column("Qualified").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Switch on anyway")).click();
        assertThat(agentSwitch("Qualified")).hasAttribute("aria-checked", "true");
        assertThat(column("Qualified").locator(".alert.warning[role=alert]")).containsText("Welcome bot");
        assertStatus("ACTIVE", "Qualified (Sales)");

        page.getByLabel("Stage of Emma Larsen").selectOption(new SelectOption().setLabel("Qualified"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move")).click();
        assertThat(column("Qualified").locator(".lead-card .lead-name")).hasText("Emma Larsen");

        page.getByLabel("New lead").fill("Marcus Reid");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add lead")).click();
        assertThat(column("New inquiry").locator(".lead-card .lead-name")).hasText("Marcus Reid");
        assertThat(page).hasURL(Pattern.compile(".*/pipeline\\?pipeline=" + sales.get("id") + "$"));
        HeadlessChromium.screenshot(page, "pipeline-no-javascript");
    }

    @Test
    void aSwitchOnAStageDeletedMeanwhileSaysSoAndShowsTheBoardAsItIs() {
        page = signedInToANewAccount(chromium.newPage(port));
        Map<String, Object> sales = api.firstPipeline();
        page.navigate("/pipeline");
        String qualified = stageId(sales, "Qualified");
        api.delete("/api/v1/pipelines/{id}/stages/{stage}", sales.get("id"), qualified);

        agentSwitch("Qualified").click();

        assertThat(page.locator(".alert.error")).containsText("That stage, lead or channel no longer exists");
        assertThat(page.locator("section.column h2 > span:first-child")).hasText(new String[] {"New inquiry", "Won", "Lost"});
        HeadlessChromium.screenshot(page, "pipeline-error");
    }

    @Test
    void anUnknownPipelineIsAReadableNotFound() {
        page = signedInToANewAccount(chromium.newPage(port));

        Response response = page.navigate("/pipeline?pipeline=" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("does not exist.");
    }

    @Test
    void theAgentSettingsShowTheStatusCooldownChannelsAndHowToInstall() {
        page = signedInToANewAccount(chromium.newPage(port));
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        api.post("/api/v1/channels", Map.of("id", "crm", "kind", "REST", "name", "Host CRM", "agentEnabled", true,
                "callbackUrl", "https://crm.example.com/baton/replies"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agent settings")).click();

        assertThat(page).hasURL(Pattern.compile(".*/settings/agent$"));
        assertThat(page).hasTitle("Agent settings · Baton");
        assertThat(page.locator(".topbar nav a.active")).hasText("Agent settings");
        assertStatus("INACTIVE", "not active");
        assertThat(page.getByLabel("Seconds")).hasValue("0");
        assertThat(page.locator("main")).containsText("Kommo's AI agent waits five minutes (300 seconds)");
        String publicKey = api.list("/api/v1/channels").stream().filter(channel -> "web-chat".equals(channel.get("id")))
                .map(channel -> (String) channel.get("publicKey")).findFirst().orElseThrow();
        String snippet = "<script src=\"http://localhost:" + port + "/widget/baton-chat.js\" data-key=\"" + publicKey
                + "\" async></script>";
        assertThat(page.locator("#web-chat-snippet")).hasText(snippet);
        Locator crm = page.locator(".rest-channel[data-channel=crm]");
        assertThat(crm.locator("dd").first()).hasText("POST http://localhost:" + port + "/api/v1/channels/crm/messages");
        assertThat(crm.locator("dd").nth(1)).hasText("https://crm.example.com/baton/replies");
        assertThat(page.locator(".rest-channel")).hasCount(1);
        HeadlessChromium.screenshot(page, "agent-settings");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copied"))).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(snippet);

        page.getByLabel("Seconds").fill("300");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save cooldown")).click();
        assertThat(page.locator(".alert.info")).hasText("Saved: the agent waits 300 seconds after a conversation closes.");
        assertThat(page.getByLabel("Seconds")).hasValue("300");
        assertThat(api.get("/api/v1/agent/triggers").getBody()).containsEntry("cooldownSeconds", 300);

        page.getByLabel("Host CRM").uncheck();
        assertStatus("PLAYGROUND_ONLY", "used only in the playground");
        assertThat(page.getByLabel("Host CRM")).not().isChecked();
        HeadlessChromium.screenshot(page, "agent-settings-playground-only");
    }

    @Test
    void aManagerOpensNeitherPage() {
        TestAccounts.NewAccount account = accounts.create("Pipeline managers' store");
        accounts.createUser(account.id(), "pipeline-manager-" + account.id(), "manager-password", Role.MANAGER);
        page = signIn(chromium.newPage(port), "pipeline-manager-" + account.id(), "manager-password");

        assertThat(page.navigate("/pipeline").status()).isEqualTo(403);
        assertThat(page.navigate("/settings/agent").status()).isEqualTo(403);
    }

    private Locator column(String stage) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(stage).setExact(true));
    }

    private Locator agentSwitch(String stage) {
        return column(stage).getByRole(AriaRole.SWITCH, new Locator.GetByRoleOptions().setName("AI agent"));
    }

    private void assertStatus(String status, String explanation) {
        assertThat(page.locator("#agent-status")).hasAttribute("data-status", status);
        assertThat(page.locator("#agent-status")).containsText(explanation);
    }

    @SuppressWarnings("unchecked")
    private List<Object> triggeredStages() {
        return ((List<Map<String, Object>>) api.get("/api/v1/agent/triggers").getBody().get("stages")).stream()
                .map(stage -> stage.get("name")).toList();
    }

    /** A new account with an owner, signed in; {@link #api} is the account's API. */
    private Page signedInToANewAccount(Page fresh) {
        TestAccounts.NewAccount account = accounts.create("Pipeline browser test " + UUID.randomUUID());
        String username = "owner-" + account.id();
        accounts.createUser(account.id(), username, PASSWORD, Role.OWNER);
        api = new PipelineApi(port, account.apiKey(), account.id());
        return signIn(fresh, username, PASSWORD);
    }

    private Page signIn(Page fresh, String username, String password) {
        contexts.add(fresh.context());
        return HeadlessChromium.signIn(fresh, username, password);
    }
}
