package dev.baton.account;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.containsString;

/** Who may open which page: signed-in owners and admins run the store; managers only get the inbox. */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest(properties = "baton.bootstrap.password=owner-pass")
@AutoConfigureMockMvc
class WebAccessTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/knowledge")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void theOwnerSignsInWithTheBootstrapPassword() throws Exception {
        mvc.perform(formLogin().user("admin").password("owner-pass"))
                .andExpect(authenticated().withUsername("admin"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(authentication(as(accounts.create("Home test store").id(), Role.OWNER))))
                .andExpect(redirectedUrl("/knowledge"));
        mvc.perform(formLogin().user("admin").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void managersLandInTheInboxAndMayOpenIt() throws Exception {
        var account = accounts.create("Inbox access store");
        mvc.perform(get("/").with(authentication(as(account.id(), Role.MANAGER))))
                .andExpect(redirectedUrl("/inbox"));
        mvc.perform(get("/inbox").with(authentication(as(account.id(), Role.MANAGER))))
                .andExpect(status().isOk());
    }

    @Test
    void managersCannotOpenTheKnowledgePageButOwnersCan() throws Exception {
        var account = accounts.create("Access test store");
        mvc.perform(get("/knowledge").with(authentication(as(account.id(), Role.MANAGER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/knowledge").with(authentication(as(account.id(), Role.ADMIN))))
                .andExpect(status().isOk());
    }

    @Test
    void managersCannotOpenThePlaygroundButAdminsCan() throws Exception {
        var account = accounts.create("Access test store");
        mvc.perform(get("/playground").with(authentication(as(account.id(), Role.MANAGER))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/playground").with(authentication(as(account.id(), Role.ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Playground")));
    }

    @Test
    void anotherAccountsSourcePageSaysNotFoundInWords() throws Exception {
        var account = accounts.create("Access test store");
        mvc.perform(get("/knowledge/sources/3f1c2a8e-0000-4000-8000-000000000000")
                        .with(authentication(as(account.id(), Role.OWNER))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not exist")))
                .andExpect(content().string(containsString("Back to Baton")));
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsBearerKey() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/knowledge/search")))
                .andExpect(content().string(containsString("\"scheme\":\"bearer\"")));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    private static UsernamePasswordAuthenticationToken as(java.util.UUID accountId, Role role) {
        return new UsernamePasswordAuthenticationToken(new BatonPrincipal(accountId, null, "someone", role), null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name()));
    }
}
