package dev.baton.account;

import dev.baton.TestStorage;
import dev.baton.account.internal.NewUser;
import dev.baton.account.internal.TeamEditor;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Team page is for owners and admins; every signed-in user, managers too, sets their own availability. */
@DirtiesContext
@SpringBootTest
@AutoConfigureMockMvc
class TeamPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TeamEditor editor;

    @Autowired
    Team team;

    UUID accountId;
    String suffix;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @BeforeEach
    void newAccount() {
        accountId = accounts.create("Team page store").id();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aManagerIsRefusedTheTeamPageButSetsTheirOwnAvailability() throws Exception {
        TeamMember lena = add("lena", Role.MANAGER);

        mvc.perform(get("/settings/team").with(as(lena))).andExpect(status().isForbidden());
        mvc.perform(post("/settings/team/users").with(as(lena)).with(csrf()).param("username", "sneaky-" + suffix)
                .param("password", "sneaky-password")).andExpect(status().isForbidden());

        mvc.perform(post("/team/me/availability").with(as(lena)).with(csrf()).param("available", "false")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "availability-changed"))
                .andExpect(content().string(allOf(containsString("id=\"my-availability\""),
                        containsString("aria-checked=\"false\""), not(containsString("<html")))));
        assertThat(team.member(accountId, lena.id()).orElseThrow().available()).isFalse();

        mvc.perform(post("/team/me/availability").with(as(lena)).with(csrf()).param("available", "true")
                        .header("Referer", "http://localhost/inbox?conversation=1"))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(team.member(accountId, lena.id()).orElseThrow().available()).isTrue();
        assertThat(team.members(accountId)).extracting(TeamMember::username).doesNotContain("sneaky-" + suffix);
    }

    @Test
    void availabilityNeedsTheCsrfToken() throws Exception {
        TeamMember lena = add("lena", Role.MANAGER);

        mvc.perform(post("/team/me/availability").with(as(lena)).param("available", "false"))
                .andExpect(status().isForbidden());
        assertThat(team.member(accountId, lena.id()).orElseThrow().available()).isTrue();
    }

    @Test
    void anOwnerSeesTheTeamAndOpeningAPageMarksThemSeen() throws Exception {
        TeamMember owner = add("owner", Role.OWNER);
        editor.create(accountId, new NewUser("vera-" + suffix, "manager-password", "Vera Vip", "MANAGER",
                List.of("VIP"), List.of(UUID.randomUUID(), UUID.randomUUID())));
        assertThat(owner.lastSeenAt()).isNull();

        mvc.perform(get("/settings/team").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Team · Baton</title>"),
                        containsString("Vera Vip"), containsString("vera-" + suffix), containsString(">VIP<"),
                        containsString("2 stages"), containsString("All stages"), containsString("Add user"))));

        assertThat(team.member(accountId, owner.id()).orElseThrow().lastSeenAt()).as("seen by the page request")
                .isNotNull();
    }

    @Test
    void aMistakeInTheAddFormComesBackAsAMessageWithWhatWasTyped() throws Exception {
        TeamMember owner = add("owner", Role.OWNER);

        mvc.perform(post("/settings/team/users").with(as(owner)).with(csrf()).param("username", "max-" + suffix)
                        .param("displayName", "Max").param("password", "short").param("role", "MANAGER")
                        .param("groups", "VIP, Wholesale"))
                .andExpect(redirectedUrl("/settings/team"))
                .andExpect(flash().attribute("error", "The password needs at least 8 characters."))
                .andExpect(flash().attribute("form", hasToString(allOf(containsString("username=max-" + suffix),
                        containsString("groups=VIP, Wholesale"), not(containsString("short"))))));

        mvc.perform(post("/settings/team/users").with(as(owner)).with(csrf()).param("username", "max-" + suffix)
                        .param("displayName", "Max").param("password", "max-password").param("role", "MANAGER")
                        .param("groups", "VIP, Wholesale"))
                .andExpect(redirectedUrl("/settings/team"))
                .andExpect(flash().attribute("message", containsString("Added Max (manager).")));
        assertThat(team.members(accountId)).filteredOn(member -> member.username().equals("max-" + suffix))
                .singleElement().satisfies(max -> assertThat(max.groups()).containsExactlyInAnyOrder("VIP", "Wholesale"));
    }

    private TeamMember add(String name, Role role) {
        return editor.create(accountId, new NewUser(name + "-" + suffix, "team-password", null, role.name(),
                List.of(), List.of()));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(TeamMember member) {
        return authentication(new UsernamePasswordAuthenticationToken(
                new BatonPrincipal(member.accountId(), member.id(), member.username(), member.role()), null,
                AuthorityUtils.createAuthorityList("ROLE_" + member.role().name())));
    }
}
