package dev.baton.analytics.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.internal.TestAccounts;
import dev.baton.analytics.AnalyticsEvents;
import dev.baton.analytics.ConversationStory;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Analytics page in a real (headless) Chromium: seeded conversations (as events) give the headline figures, the
 * four charts are drawn, the table per stage is filled; an empty period says so. Screenshots go to
 * {@code target/screenshots/analytics-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsPageBrowserTests {

    private static final String PASSWORD = "analytics-browser-password";
    private static final List<String> REASONS = List.of("HUMAN_REQUESTED", "OUT_OF_KNOWLEDGE", "NEGATIVE_EMOTION",
            "DATA_NOT_FOUND");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    HeadlessChromium chromium;
    final List<BrowserContext> contexts = new ArrayList<>();
    Page page;

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
            HeadlessChromium.screenshot(page, "analytics-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @AfterEach
    void closePages() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /**
     * A week: each day some conversations the agent resolves (2 to 4) and one it hands over, answered in 3 minutes
     * (met) or 25 (breached, the SLA is 10); one conversation still with the agent. 28 conversations, 20 resolved by
     * the agent, 7 by people, 7 handovers, 3 SLA breaches.
     */
    private void seedAWeek(TestAccounts.NewAccount account) {
        Map<String, Object> sales = new PipelineApi(port, account.apiKey(), account.id()).firstPipeline();
        UUID inquiry = UUID.fromString(PipelineApi.stageId(sales, "New inquiry"));
        UUID qualified = UUID.fromString(PipelineApi.stageId(sales, "Qualified"));
        Instant now = clock.instant();
        List<Object> events = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            Instant morning = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(3));
            for (int i = 0; i < 2 + day % 3; i++) {
                events.addAll(ConversationStory.started(account.id(), inquiry, morning.plus(ofMinutes(10L * i)))
                        .agentAnswers().closed(ofMinutes(8)).rated(i % 2 == 0 ? 5 : 3, ofMinutes(9)).events());
            }
            events.addAll(ConversationStory.started(account.id(), qualified, morning.plus(ofMinutes(45)))
                    .handedOver(Duration.ofSeconds(90 + 30L * day), ofMinutes(10), REASONS.get(day % REASONS.size()))
                    .managerReplies(Duration.ofSeconds(90 + 30L * day).plus(ofMinutes(day % 2 == 0 ? 3 : 25)))
                    .closed(ofMinutes(60)).rated(day % 2 == 0 ? 4 : 2, ofMinutes(61)).events());
        }
        events.addAll(ConversationStory.started(account.id(), inquiry, now.minus(ofMinutes(30))).agentAnswers().events());
        AnalyticsEvents analytics = new AnalyticsEvents(publisher, transaction, jdbc);
        analytics.publishEach(events);
        analytics.awaitRecorded();
    }

    @Test
    void theSeededWeekShowsItsFiguresAndChartsAndAnEmptyPeriodSaysSo() {
        TestAccounts.NewAccount account = accounts.create("Analytics browser store");
        seedAWeek(account);
        page = signedIn(account);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Analytics").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/analytics$"));
        assertThat(page).hasTitle("Analytics · Baton");
        assertThat(page.locator(".topbar nav a.active")).hasText("Analytics");
        assertThat(page.locator(".presets a.active")).hasText("Last 30 days");
        assertThat(page.locator("[data-figure=conversations] strong")).hasText("28");
        assertThat(page.locator("[data-figure=conversations] .muted")).hasText("1 still open");
        assertThat(page.locator("[data-figure=resolved-by-agent] strong")).hasText("20");
        assertThat(page.locator("[data-figure=resolved-by-agent] .muted")).hasText("74% of resolved; 7 by people");
        assertThat(page.locator("[data-figure=handovers] strong")).hasText("7");
        assertThat(page.locator("[data-figure=sla-breached] strong")).hasText("3");
        assertThat(page.locator("[data-figure=sla-breached] .muted")).hasText("4 met, 0 still in time");
        // first replies of 3 min (4 times) and 25 min (3 times): the median is 3 min
        assertThat(page.locator("[data-figure=first-reply] strong")).hasText("3 min");
        // 90 to 270 s after the start, 30 s apart
        assertThat(page.locator("#time-to-handover")).hasText("median 3 min, 90% within 4 min 30 s");
        assertThat(page.locator("#csat dd")).hasText(new String[] {"4.1 (20 answers)", "3.1 (7 answers)", "— (0 answers)"});
        assertThat(page.locator("#stages tbody tr")).hasCount(2);
        assertThat(page.locator("#stages tbody tr").first().locator("td"))
                .hasText(new String[] {"New inquiry", "21", "0", "20", "0"});
        assertThat(page.locator("#reasons tbody tr").first().locator("td"))
                .hasText(new String[] {"Asked for a person", "2"});
        for (String chart : List.of("resolved-chart", "handovers-chart", "sla-chart", "csat-chart")) {
            assertThat(page.locator("#" + chart)).isVisible();
            // The canvas is in the page before Chart.js (a deferred script) has run and drawn on it.
            page.waitForFunction("id => typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById(id))",
                    chart);
            assertThat(page.evaluate("id => { const chart = Chart.getChart(document.getElementById(id));"
                    + " return !!chart && chart.width > 100 && chart.height > 100; }", chart))
                    .as(chart).isEqualTo(true);
        }
        assertThat(page.evaluate("() => Chart.getChart(document.getElementById('handovers-chart')).data.datasets"
                + ".map(d => d.data.reduce((a, b) => a + b, 0)).reduce((a, b) => a + b, 0)")).isEqualTo(7);
        HeadlessChromium.screenshot(page, "analytics-week");

        String longAgo = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusYears(1).toString();
        page.getByLabel("From").fill(longAgo);
        page.getByLabel("To").fill(longAgo);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();

        assertThat(page).hasURL(Pattern.compile(".*/analytics\\?from=" + longAgo + "&to=" + longAgo + "$"));
        assertThat(page.locator(".empty")).containsText("No conversations in this period.");
        assertThat(page.locator("canvas")).hasCount(0);
        HeadlessChromium.screenshot(page, "analytics-empty");
    }

    @Test
    void datesThatCannotBeReadAreSaidSoAboveTheLastThirtyDays() {
        page = signedIn(accounts.create("Analytics bad dates store"));

        page.navigate("/analytics?from=2026-02-30&to=2026-03-01");

        assertThat(page.locator(".alert.error")).containsText("'from' must be a date like 2026-11-01");
        assertThat(page.locator(".presets a.active")).hasText("Last 30 days");
        assertThat(page.locator(".empty")).containsText("No conversations in this period.");
    }

    @Test
    void aManagerCannotOpenIt() {
        TestAccounts.NewAccount account = accounts.create("Analytics managers' store");
        accounts.createUser(account.id(), "analytics-manager-" + account.id(), "manager-password", Role.MANAGER);
        page = signIn(chromium.newPage(port), "analytics-manager-" + account.id(), "manager-password");

        assertThat(page.navigate("/analytics").status()).isEqualTo(403);
    }

    private Page signedIn(TestAccounts.NewAccount account) {
        String username = "owner-" + account.id();
        accounts.createUser(account.id(), username, PASSWORD, Role.OWNER);
        return signIn(chromium.newPage(port), username, PASSWORD);
    }

    private Page signIn(Page fresh, String username, String password) {
        contexts.add(fresh.context());
        return HeadlessChromium.signIn(fresh, username, password);
    }
}
