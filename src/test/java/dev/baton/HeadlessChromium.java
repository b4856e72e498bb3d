package dev.baton;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, headless, offline ({@code scripts/setup-browser.sh} installs it; Playwright
 * never downloads a browser of its own). Close it after the test class.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    public HeadlessChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: run scripts/setup-browser.sh (as root) first");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    public Page newPage(int port) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** A page as a browser with JavaScript turned off sees it: plain forms and links only. */
    public Page newPageWithoutJavaScript(int port) {
        var context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(1280, 900).setJavaScriptEnabled(false));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /**
     * Signs in on the login page as a person would and waits to land where the role lands (owners and admins on the
     * knowledge base, managers in the inbox); the page's script errors are printed.
     */
    public static Page signIn(Page fresh, String username, String password) {
        fresh.onPageError(error -> System.out.println("[browser page error] " + error));
        fresh.navigate("/login");
        fresh.getByLabel("Username").fill(username);
        fresh.getByLabel("Password").fill(password);
        fresh.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(fresh)
                .hasURL(java.util.regex.Pattern.compile(".*/(knowledge|inbox)$"));
        return fresh;
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
