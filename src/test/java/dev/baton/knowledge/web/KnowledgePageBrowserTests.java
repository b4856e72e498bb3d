package dev.baton.knowledge.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Knowledge page in a real (headless) Chromium, against the whole application on the embedded storage
 * (H2 + Lucene in a fresh folder) with the demo store loaded. Needs {@code /usr/bin/chromium}
 * ({@code scripts/setup-browser.sh} installs it). Screenshots go to {@code target/screenshots/knowledge-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KnowledgePageBrowserTests {

    private static final String PASSWORD = "browser-test-password";
    private static final String API_KEY = "bt_browser_test_key_0123456789abcdef";
    private static final Path DATA_DIR = createDataDir();
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    /** Indexing runs in the background; slow CI machines (2 cores) need time, especially for the demo store. */
    private static final double INDEXING_TIMEOUT_MS = 60_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("baton.data-dir", DATA_DIR::toString);
        registry.add("baton.knowledge.data-dir", DATA_DIR::toString);
        registry.add("baton.bootstrap.password", () -> PASSWORD);
        registry.add("baton.bootstrap.api-key", () -> API_KEY);
        registry.add("baton.bootstrap.demo-store", () -> "true");
    }

    @LocalServerPort
    int port;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void launchBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: run scripts/setup-browser.sh (as root) first");
        }
        Files.createDirectories(SCREENSHOTS);
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** On a failure, a screenshot of where the page was: {@code knowledge-failed-TESTNAME.png}. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            screenshot("failed-" + test.getRequiredTestMethod().getName(), true);
        }
    };

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onConsoleMessage(message -> System.out.println("[browser " + message.type() + "] " + message.text()));
        page.onPageError(error -> System.out.println("[browser page error] " + error));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                System.out.println("[browser] " + response.status() + " " + response.url());
            }
        });
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void unauthenticatedVisitRedirectsToLoginAndAdminLandsOnKnowledge() {
        page.navigate("/knowledge");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        screenshot("login");

        signIn("admin", PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/knowledge(\\?.*)?$"));
        assertThat(page).hasTitle("Knowledge · Baton");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Knowledge"))).isVisible();
        assertThat(page.locator(".signout")).containsText("admin");
    }

    @Test
    void wrongPasswordShowsError() {
        page.navigate("/login");
        signIn("admin", "not-the-password");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.locator(".alert.error")).hasText("Wrong username or password.");
        screenshot("login-error");

        page.navigate("/knowledge");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void addedSourceIsListedAndTurnsGreenOnceIndexed() {
        signInAsAdmin();
        String title = uniqueTitle("Gift wrapping");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add source")).click();
        Locator dialog = page.locator("dialog#add-source");
        assertThat(dialog).isVisible();
        dialog.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill(title);
        dialog.locator("textarea[name=text]").fill("We gift-wrap any order for $5. Tick 'gift wrap' at checkout "
                + "and add a note; the price is never shown on the packing slip.");
        screenshot("add-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add source")).click();

        assertThat(page).hasURL(Pattern.compile(".*/knowledge$"));
        assertThat(page.locator(".alert.info")).hasText("Added '" + title + "'. It is being indexed.");
        Locator row = sourceRow(title);
        assertThat(row).isVisible();
        assertThat(row.locator(".badge")).hasText("MANUAL");
        screenshot("added", true);

        // The list reloads itself (htmx, every 2 s) while anything is pending, so the tick turns green in place.
        assertThat(row).hasAttribute("data-status", "INDEXED", indexing());
        assertThat(row.locator("span.tick.green")).isVisible();
        assertThat(row.locator(".lock")).hasCount(0);
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))).isVisible();
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive"))).isVisible();
        assertThat(page.locator(".alert.info")).hasText("Added '" + title + "'. It is being indexed.");
        screenshot("indexed", row);
    }

    @Test
    void syncedSourceIsLockedAndOnlyViewable() {
        signInAsAdmin();
        Locator row = awaitDemoSource("Refund policy");

        assertThat(row).hasAttribute("data-status", "INDEXED", indexing());
        assertThat(row.locator("span.tick.green")).isVisible();
        assertThat(row.locator(".badge")).hasText("FILE IMPORT");
        assertThat(row.locator(".lock")).isVisible();
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))).hasCount(0);
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive"))).hasCount(0);
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore"))).hasCount(0);
        assertThat(row.locator(".row-actions a, .row-actions button")).hasCount(1);
        screenshot("list", true);

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("View source")).click();

        assertThat(page).hasURL(Pattern.compile(".*/knowledge/sources/[0-9a-f-]{36}$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Refund policy"))).isVisible();
        assertThat(page.locator("main .badge")).hasText("FILE IMPORT");
        assertThat(page.locator("main")).containsText("Synced: change it in the store");
        assertThat(page.locator("pre.source-text")).containsText("We want you to love your gear.");
        assertThat(page.locator("pre.source-text")).containsText("30 days of delivery");
        screenshot("view-synced");
    }

    @Test
    void manualSourceCanBeArchivedAndRestored() {
        signInAsAdmin();
        String title = uniqueTitle("Loyalty points");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add source")).click();
        Locator dialog = page.locator("dialog#add-source");
        dialog.getByLabel("Title", new Locator.GetByLabelOptions().setExact(true)).fill(title);
        dialog.locator("textarea[name=text]").fill("Every dollar spent earns one loyalty point; 100 points are $5 off.");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add source")).click();
        Locator row = sourceRow(title);
        assertThat(row).hasAttribute("data-status", "INDEXED", indexing());

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive")).click();

        assertThat(page.locator(".alert.info"))
                .hasText("Archived '" + title + "': the agent no longer uses it. Restore it any time.");
        assertThat(row).hasClass(Pattern.compile("\\barchived\\b"));
        assertThat(row.locator(".reason")).hasText("Archived: hidden from the agent");
        assertThat(row.locator("span.tick.grey")).isVisible();
        assertThat(row.locator("span.tick.green")).hasCount(0);
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore"))).isVisible();
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive"))).hasCount(0);
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))).hasCount(0);
        screenshot("archived", row);

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore")).click();

        assertThat(page.locator(".alert.info")).hasText("Restored '" + title + "'.");
        assertThat(row).not().hasClass(Pattern.compile("\\barchived\\b"));
        assertThat(row).hasAttribute("data-status", "INDEXED", indexing());
        assertThat(row.locator("span.tick.green")).isVisible();
        assertThat(row.locator(".reason")).hasCount(0);
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive"))).isVisible();
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))).isVisible();
        screenshot("restored", row);
    }

    @Test
    void aLongListIsShownAPageAtATimeAndCanBeFiltered() {
        // With the demo store's 51 sources, 120 more make three pages of 100.
        org.springframework.web.client.RestClient api = org.springframework.web.client.RestClient.builder()
                .baseUrl("http://localhost:" + port).defaultHeader("Authorization", "Bearer " + API_KEY).build();
        String batch = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 1; i <= 120; i++) {
            api.post().uri("/api/v1/knowledge/sources").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(java.util.Map.of("title", String.format("Paging %s note %03d", batch, i),
                            "text", "Note " + i + " about store hours.")).retrieve().toBodilessEntity();
        }
        signInAsAdmin();

        assertThat(page.locator("tr[data-source-id]")).hasCount(100);
        assertThat(page.locator(".pager")).containsText("Showing 1–100 of");
        screenshot("paged", true);
        page.locator(".pager").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
        assertThat(page.locator(".pager")).containsText("Showing 101–");
        assertThat(page.locator(".pager").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous"))).isVisible();

        page.getByLabel("Find a source by title").fill("paging " + batch + " note 070");
        assertThat(page.locator("tr[data-source-id]")).hasCount(1);
        assertThat(sourceRow("Paging " + batch + " note 070")).isVisible();
        assertThat(page.locator(".pager")).hasCount(0);
        page.getByLabel("Find a source by title").fill("paging " + batch + " note 0");
        assertThat(page.locator("tr[data-source-id]")).hasCount(99);
        screenshot("filtered");

        page.getByLabel("Status").selectOption("FAILED");
        assertThat(page.locator("#sources .empty")).hasText("No source matches this filter.");
        page.getByLabel("Find a source by title").fill("");
        page.getByLabel("Status").selectOption("ALL");
        assertThat(page.locator(".pager")).containsText("Showing 1–100 of");
    }

    private void signInAsAdmin() {
        page.navigate("/login");
        signIn("admin", PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/knowledge(\\?.*)?$"));
        // The list can be long: let the whole page (the dialog comes last) arrive before clicking anything.
        page.waitForLoadState();
    }

    private void signIn(String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** The row of the source with exactly this title; it survives the htmx refreshes of the list. */
    private Locator sourceRow(String title) {
        return page.locator("tr[data-source-id]").filter(new Locator.FilterOptions().setHas(page.locator("span.title",
                new Page.LocatorOptions().setHasText(exactly(title)))));
    }

    /**
     * The demo store is imported in the background after start-up; until its sources exist the list has nothing
     * pending and does not refresh itself, so reload until the row is there.
     */
    private Locator awaitDemoSource(String title) {
        Locator row = sourceRow(title);
        await().atMost(Duration.ofMillis((long) INDEXING_TIMEOUT_MS)).pollInSameThread()
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    if (row.count() > 0) {
                        return true;
                    }
                    page.reload();
                    return row.count() > 0;
                });
        return row;
    }

    /** A pattern for exactly this text; Playwright runs it as a JavaScript regex, which knows no \Q…\E quoting. */
    private static Pattern exactly(String text) {
        return Pattern.compile("^" + text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "$");
    }

    private static LocatorAssertions.HasAttributeOptions indexing() {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(INDEXING_TIMEOUT_MS);
    }

    private static String uniqueTitle(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private void screenshot(String name) {
        screenshot(name, false);
    }

    /** A screenshot with this row scrolled to the middle of the window. */
    private void screenshot(String name, Locator row) {
        row.evaluate("row => row.scrollIntoView({block: 'center'})");
        screenshot(name, false);
    }

    private void screenshot(String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("knowledge-" + name + ".png"))
                .setFullPage(fullPage));
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("baton-browser-test-");
            // The context is closed after this class (@DirtiesContext), so the folder is free by the time the JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder; the OS cleans it up eventually
        }
    }
}
