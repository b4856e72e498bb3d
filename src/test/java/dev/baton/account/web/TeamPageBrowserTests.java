package dev.baton.account.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.HeadlessChromium;
import dev.baton.TestStorage;
import dev.baton.account.Role;
import dev.baton.account.Team;
import dev.baton.account.TeamMember;
import dev.baton.account.internal.TestAccounts;
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

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Team page in a real (headless) Chromium, on the embedded storage, signed in as a new account's owner.
 * Screenshots go to {@code target/screenshots/team-*.png}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamPageBrowserTests {

    private static final String PASSWORD = "team-browser-password";

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Team team;

    HeadlessChromium chromium;
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
            HeadlessChromium.screenshot(page, "team-failed-" + test.getRequiredTestMethod().getName());
        }
    };

    @Test
    void anOwnerAddsAManagerSeesWhoIsOnlineAndGoesAway() {
        TestAccounts.NewAccount account = accounts.create("Team browser test");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "owner-" + suffix;
        accounts.createUser(account.id(), owner, PASSWORD, Role.OWNER);
        page = signIn(owner);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/settings/team$"));
        assertThat(page).hasTitle("Team · Baton");
        assertThat(page.locator(".topbar nav a.active")).hasText("Team");
        Locator ownerRow = row(owner);
        assertThat(ownerRow.locator(".presence")).hasAttribute("aria-label", "Online");
        assertThat(ownerRow.locator(".badge.role")).hasText("Owner");
        assertThat(ownerRow.locator("td").nth(4)).hasText("All stages");

        // A taken username: the form says so and keeps what was typed (but not the password).
        fillForm(owner, "Lena Novak", "lena-password", "MANAGER", "VIP");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.locator("form.add-user").locator("xpath=..").locator(".alert.error"))
                .hasText("The username '" + owner + "' is taken; choose another.");
        assertThat(page.getByLabel("Display name")).hasValue("Lena Novak");
        assertThat(page.getByLabel("Groups")).hasValue("VIP");
        assertThat(page.getByLabel("Password")).hasValue("");
        HeadlessChromium.screenshot(page, "team-error");

        String lena = "lena-" + suffix;
        fillForm(lena, "Lena Novak", "lena-password", "MANAGER", "VIP, Wholesale");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();

        assertThat(page.locator(".alert.info")).containsText("Added Lena Novak (manager).");
        assertThat(page.locator(".alert.error")).hasCount(0);
        Locator lenaRow = row(lena);
        assertThat(lenaRow.locator(".member-name")).hasText("Lena Novak");
        assertThat(lenaRow.locator(".username")).hasText(lena);
        assertThat(lenaRow.locator(".badge.role")).hasText("Manager");
        assertThat(lenaRow.locator(".badge.group")).hasText(new String[] {"VIP", "Wholesale"});
        assertThat(lenaRow.locator(".presence")).hasAttribute("aria-label", "Offline");
        assertThat(lenaRow.locator("td").last()).hasText("Never");
        assertThat(page.getByLabel("Username")).hasValue("");
        TeamMember added = team.members(account.id()).stream().filter(member -> member.username().equals(lena))
                .findFirst().orElseThrow();
        assertThat(added.role()).isEqualTo(Role.MANAGER);
        assertThat(added.groups()).containsExactlyInAnyOrder("VIP", "Wholesale");
        HeadlessChromium.screenshot(page, "team");

        Locator mySwitch = page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Available for conversations"));
        assertThat(mySwitch).hasAttribute("aria-checked", "true");
        mySwitch.click();

        assertThat(mySwitch).hasAttribute("aria-checked", "false");
        assertThat(ownerRow.locator("td").nth(5)).hasText("Away");
        assertThat(ownerRow.locator(".presence")).hasAttribute("aria-label", "Offline");
        assertThat(team.members(account.id()).stream().filter(member -> member.username().equals(owner))
                .findFirst().orElseThrow().available()).isFalse();
        HeadlessChromium.screenshot(page, "team-away");
    }

    private void fillForm(String username, String displayName, String password, String role, String groups) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Display name").fill(displayName);
        page.getByLabel("Password").fill(password);
        page.getByLabel("Role").selectOption(role);
        page.getByLabel("Groups").fill(groups);
    }

    private Locator row(String username) {
        return page.locator("tr[data-username='" + username + "']");
    }

    private Page signIn(String username) {
        Page fresh = chromium.newPage(port);
        return HeadlessChromium.signIn(fresh, username, PASSWORD);
    }
}
