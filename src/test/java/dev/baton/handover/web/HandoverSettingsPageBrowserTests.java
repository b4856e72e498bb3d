package dev.baton.handover.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import dev.baton.pipeline.PipelineApi;
import org.junit.jupiter.api.AfterAll;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Handover settings page in a real (headless) Chromium, on the embedded storage: the bootstrap owner changes the
 * Indonesian transition message and the office hours (a mistake first), and the settings API answers with them.
 * Screenshots go to {@code target/screenshots/handover-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverSettingsPageBrowserTests {

    private static final String API_KEY = "bt_handover_settings_page_key_0123";
    private static final String PASSWORD = "handover-browser-password";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    HeadlessChromium chromium;
    Page page;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.bootstrap.password", () -> PASSWORD);
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
            HeadlessChromium.screenshot(page, "handover-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerChangesTheIndonesianMessageAndTheOfficeHoursAndTheApiHasThem() {
        page = signIn(chromium.newPage(port), "admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Handover").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/settings/handover$"));
        assertThat(page).hasTitle("Handover · Baton");
        assertThat(page.locator(".topbar nav a.active")).hasText("Handover");
        Locator transition = page.locator("#transition");
        Locator indonesian = transition.locator("#transition-id");
        assertThat(transition.locator("[data-language=id] .badge")).hasText("Default");
        assertThat(page.locator("#hours .always-open")).isVisible();
        assertThat(page.locator("#triggers .trigger")).hasCount(10);
        HeadlessChromium.screenshot(page, "handover");

        String text = "Mohon tunggu sebentar, tim kami akan segera membalas Anda.";
        indonesian.fill(text);
        transition.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save transition messages")).click();

        assertThat(page.locator("#transition .alert.info")).hasText("Saved the transition messages: Indonesian customised.");
        assertThat(page.locator("#transition [data-language=id] .badge")).hasText("Customised");
        assertThat(page.locator("#transition-id")).hasValue(text);
        assertThat(page.locator("#transition").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Reset Indonesian to default"))).isVisible();

        Locator hours = page.locator("#hours");
        hours.getByLabel("Monday").fill("09:00-18:00");
        hours.getByLabel("Tuesday").fill("9 to 5");
        hours.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save office hours")).click();

        assertThat(page.locator("#hours .alert.error"))
                .hasText("Office hours for tuesday: '9 to 5' should look like 09:00-18:00.");
        assertThat(page.locator("#hours").getByLabel("Tuesday")).hasValue("9 to 5");
        assertThat(page.locator("#hours").getByLabel("Monday")).hasValue("09:00-18:00");
        assertThat(api().get("/api/v1/handover/settings").getBody().get("officeHours")).as("nothing saved yet")
                .isEqualTo(Map.of());
        HeadlessChromium.screenshot(page, "handover-hours-error");

        page.locator("#hours").getByLabel("Tuesday").fill("09:00-12:00, 13:00-17:00");
        page.locator("#hours").getByLabel("Saturday").fill("10:00-14:00");
        page.locator("#hours").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Save office hours")).click();

        assertThat(page.locator("#hours .alert.info")).hasText("Saved the office hours: open 3 days a week, closed 4.");
        assertThat(page.locator("#hours .alert.error")).hasCount(0);
        assertThat(page.locator("#hours .always-open")).hasCount(0);
        assertThat(page.locator("#hours").getByLabel("Tuesday")).hasValue("09:00-12:00, 13:00-17:00");
        assertThat(page.locator("#hours").getByLabel("Sunday")).hasAttribute("placeholder", "Closed");
        // htmx swapped the hours alone: the transition section still says what its own save did
        assertThat(page.locator("#transition .alert.info")).hasCount(1);
        HeadlessChromium.screenshot(page, "handover-saved");

        Map<String, Object> settings = api().get("/api/v1/handover/settings").getBody();
        assertThat((Map<String, Object>) settings.get("transitionMessages")).containsEntry("id", text);
        assertThat(settings.get("ownTransitionMessages")).isEqualTo(List.of("id"));
        assertThat(settings.get("officeHours")).isEqualTo(Map.of("monday", "09:00-18:00",
                "tuesday", "09:00-12:00,13:00-17:00", "saturday", "10:00-14:00"));

        // The reset button saves the form with htmx too (the button's name and value go with it)
        page.locator("#transition").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Reset Indonesian to default")).click();
        assertThat(page.locator("#transition .alert.info"))
                .hasText("Saved the transition messages: Indonesian back to the default.");
        assertThat(page.locator("#transition [data-language=id] .badge")).hasText("Default");
        assertThat(api().get("/api/v1/handover/settings").getBody()).containsEntry("ownTransitionMessages", List.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutJavaScriptTheFormsPostAndComeBackToTheirSection() {
        String owner = newOwner("Handover no-JS store");
        PipelineApi api = ownerApi;
        api.put("/api/v1/handover/settings", Map.of("transitionMessages", Map.of("id", "Tunggu ya!")));
        page = signIn(chromium.newPageWithoutJavaScript(port), owner);
        page.navigate("/settings/handover");

        page.locator("#transition").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Reset Indonesian to default")).click();

        assertThat(page).hasURL(Pattern.compile(".*/settings/handover#transition-result$"));
        assertThat(page.locator("#transition .alert.info"))
                .hasText("Saved the transition messages: Indonesian back to the default.");
        assertThat(page.locator("#transition [data-language=id] .badge")).hasText("Default");

        Locator sensitive = page.locator("#triggers [data-reason=SENSITIVE_DATA]");
        sensitive.getByRole(AriaRole.SWITCH).uncheck();
        page.locator("#triggers").getByLabel("Anger score").fill("2.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save triggers")).click();

        assertThat(page.locator("#triggers .alert.info")).hasText("Saved the triggers: 9 of 10 on.");
        assertThat(page.locator("#triggers [data-reason=SENSITIVE_DATA]").getByRole(AriaRole.SWITCH)).not().isChecked();
        HeadlessChromium.screenshot(page, "handover-no-js");

        page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Summary")).click();
        assertThat(page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Summary")))
                .hasAttribute("aria-checked", "false");

        assertThat(api.get("/api/v1/handover/settings").getBody()).containsEntry("ownTransitionMessages", List.of())
                .containsEntry("summaryEnabled", false);
        List<Map<String, Object>> rules = (List<Map<String, Object>>) api.get("/api/v1/handover/rules").getBody().get("rules");
        assertThat(rules).filteredOn(rule -> rule.get("reason").equals("SENSITIVE_DATA")).singleElement()
                .satisfies(rule -> assertThat(rule).containsEntry("enabled", false));
        assertThat(rules).filteredOn(rule -> rule.get("reason").equals("NEGATIVE_EMOTION")).singleElement()
                .satisfies(rule -> assertThat(((Map<?, ?>) rule.get("thresholds")).get("score").toString()).isEqualTo("2.5"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClassifierThresholdsAreShownAndSavedAndAWrongOneIsExplained() {
        String owner = newOwner("Handover classifier store");
        PipelineApi api = ownerApi;
        page = signIn(chromium.newPage(port), owner);
        page.navigate("/settings/handover");

        assertThat(page.locator("#triggers .classifier-status")).containsText("handover-classifiers-");
        Locator emotion = page.locator("#triggers [data-reason=NEGATIVE_EMOTION]");
        Locator person = page.locator("#triggers [data-reason=HUMAN_REQUESTED]");
        Locator sensitive = page.locator("#triggers [data-reason=SENSITIVE_DATA]");
        assertThat(emotion.getByLabel("Classifier from (0–1)")).hasValue("0.55");
        assertThat(person.getByLabel("Classifier from (0–1)")).hasValue("0.35");
        assertThat(sensitive.getByLabel("Classifier from (0–1)")).hasValue("0.45");
        HeadlessChromium.screenshot(page, "handover-classifier");

        emotion.getByLabel("Classifier from (0–1)").fill("1.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save triggers")).click();

        assertThat(page.locator("#triggers .alert.error")).containsText(
                "NEGATIVE_EMOTION.classifier is a probability: a number from 0 to 1");
        assertThat(page.locator("#triggers [data-reason=NEGATIVE_EMOTION]").getByLabel("Classifier from (0–1)"))
                .hasValue("1.5");

        page.locator("#triggers [data-reason=NEGATIVE_EMOTION]").getByLabel("Classifier from (0–1)").fill("0.7");
        page.locator("#triggers [data-reason=SENSITIVE_DATA]").getByLabel("Classifier from (0–1)").fill("0.6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save triggers")).click();

        assertThat(page.locator("#triggers .alert.info")).hasText("Saved the triggers: 10 of 10 on.");
        assertThat(page.locator("#triggers [data-reason=NEGATIVE_EMOTION]").getByLabel("Classifier from (0–1)"))
                .hasValue("0.7");
        HeadlessChromium.screenshot(page, "handover-classifier-saved");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) api.get("/api/v1/handover/rules").getBody()
                .get("rules");
        assertThat(rules).filteredOn(rule -> rule.get("reason").equals("NEGATIVE_EMOTION")).singleElement()
                .satisfies(rule -> assertThat(((Map<?, ?>) rule.get("thresholds")).get("classifier").toString())
                        .isEqualTo("0.7"));
        assertThat(rules).filteredOn(rule -> rule.get("reason").equals("SENSITIVE_DATA")).singleElement()
                .satisfies(rule -> assertThat(((Map<?, ?>) rule.get("thresholds")).get("classifier").toString())
                        .isEqualTo("0.6"));
        assertThat(rules).filteredOn(rule -> rule.get("reason").equals("HUMAN_REQUESTED")).singleElement()
                .satisfies(rule -> assertThat(((Map<?, ?>) rule.get("thresholds")).get("classifier").toString())
                        .isEqualTo("0.35"));
    }

    /** The API of the account {@link #newOwner} made last. */
    private PipelineApi ownerApi;

    /** A new account with an owner (the user name returned); {@link #ownerApi} is its API. */
    private String newOwner(String store) {
        TestAccounts.NewAccount account = accounts.create(store);
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(account.id(), owner, PASSWORD, Role.OWNER);
        ownerApi = new PipelineApi(port, account.apiKey(), account.id());
        return owner;
    }

    private PipelineApi api() {
        return new PipelineApi(port, API_KEY, null);
    }

    private Page signIn(Page fresh, String username) {
        return HeadlessChromium.signIn(fresh, username, PASSWORD);
    }
}
