package dev.baton.account;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/** The users API: add, list and change an account's users, with problem details for what cannot be done. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class UserApiTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Team team;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    TestAccounts.NewAccount account;
    UsersApi api;
    String suffix;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @BeforeEach
    void newAccount() {
        account = accounts.create("Users API store");
        api = new UsersApi(port, account.apiKey());
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aUserIsCreatedListedAndChanged() {
        UUID stage = UUID.randomUUID();
        ResponseEntity<Map<String, Object>> created = api.create(Map.of("username", "lena-" + suffix,
                "password", "lena-password", "displayName", "Lena Novak", "role", "MANAGER",
                "groups", List.of("VIP", " Wholesale ", "vip"), "stageIds", List.of(stage)));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> lena = created.getBody();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/users/" + lena.get("id"));
        assertThat(lena).containsEntry("username", "lena-" + suffix).containsEntry("displayName", "Lena Novak")
                .containsEntry("role", "MANAGER").containsEntry("groups", List.of("VIP", "Wholesale"))
                .containsEntry("stageIds", List.of(stage.toString())).containsEntry("available", true)
                .containsEntry("online", false).containsEntry("lastSeenAt", null)
                .doesNotContainKeys("password", "passwordHash");
        assertThat(api.list()).extracting(user -> user.get("username")).containsExactly("lena-" + suffix);
        assertThat(api.get(lena.get("id")).getBody()).isEqualTo(lena);

        ResponseEntity<Map<String, Object>> changed = api.update(lena.get("id"), Map.of("displayName", "Lena N.",
                "role", "ADMIN", "groups", List.of(), "stageIds", List.of(), "available", false));

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(changed.getBody()).containsEntry("displayName", "Lena N.").containsEntry("role", "ADMIN")
                .containsEntry("groups", List.of()).containsEntry("stageIds", List.of())
                .containsEntry("available", false).containsEntry("username", "lena-" + suffix);
        assertThat(api.list()).singleElement().isEqualTo(changed.getBody());
    }

    @Test
    void fieldsLeftOutOfAChangeStayAsTheyAre() {
        Map<String, Object> lena = api.createManager("lena-" + suffix, "VIP");

        Map<String, Object> changed = api.update(lena.get("id"), Map.of("available", false)).getBody();

        assertThat(changed).containsEntry("available", false).containsEntry("groups", List.of("VIP"))
                .containsEntry("role", "MANAGER").containsEntry("displayName", lena.get("displayName"));
    }

    @Test
    void aSeenManagerIsOnlineWithTheTimeItWasSeen() {
        Map<String, Object> lena = api.createManager("lena-" + suffix);

        team.seen(UUID.fromString((String) lena.get("id")));

        Map<String, Object> listed = api.list().get(0);
        assertThat(listed).containsEntry("online", true);
        assertThat(Instant.parse((String) listed.get("lastSeenAt"))).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
    }

    @Test
    void aTakenUsernameIsAConflict() {
        api.createManager("lena-" + suffix);
        TestAccounts.NewAccount other = accounts.create("Another store");

        ResponseEntity<Map<String, Object>> again = new UsersApi(port, other.apiKey()).create(Map.of(
                "username", "lena-" + suffix, "password", "another-password"));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(again.getBody()).containsEntry("status", 409)
                .containsEntry("detail", "The username 'lena-" + suffix + "' is taken; choose another.");
    }

    @Test
    void badInputIsABadRequestThatSaysWhatToChange() {
        assertProblem(api.create(Map.of("username", "short-" + suffix, "password", "1234567")), 400,
                "The password needs at least 8 characters.");
        assertProblem(api.create(Map.of("username", "boss-" + suffix, "password", "boss-password", "role", "BOSS")),
                400, "The role is OWNER, ADMIN or MANAGER; 'BOSS' is not.");
        assertProblem(api.create(Map.of("username", "long-" + suffix, "password", "a".repeat(73))), 400,
                "The password is at most 72 bytes (72 plain letters and digits; fewer with accents or emoji).");
        assertProblem(api.create(Map.of("password", "nobody-password")), 400, "A username is required.");
        assertProblem(api.create(Map.of("username", "comma-" + suffix, "password", "comma-password",
                "groups", List.of("VIP,Gold"))), 400, "A group name has no commas; 'VIP,Gold' does.");
        Map<String, Object> lena = api.createManager("lena-" + suffix);
        assertProblem(api.update(lena.get("id"), Map.of("role", "SUPERVISOR")), 400,
                "The role is OWNER, ADMIN or MANAGER; 'SUPERVISOR' is not.");
        assertProblem(api.update(lena.get("id"), Map.of("password", "short")), 400,
                "The password needs at least 8 characters.");
        assertThat(api.list()).extracting(user -> user.get("username")).containsExactly("lena-" + suffix);
    }

    @Test
    void anotherAccountsUserIsNotFound() {
        Map<String, Object> lena = api.createManager("lena-" + suffix);
        UsersApi other = new UsersApi(port, accounts.create("Another store").apiKey());

        assertProblem(other.get(lena.get("id")), 404, "User " + lena.get("id") + " does not exist.");
        assertProblem(other.update(lena.get("id"), Map.of("role", "OWNER")), 404,
                "User " + lena.get("id") + " does not exist.");
        assertThat(other.list()).isEmpty();
        assertThat(api.get(lena.get("id")).getBody()).containsEntry("role", "MANAGER");
    }

    @Test
    void theOnlyOwnerCannotBeDemoted() {
        Map<String, Object> owner = api.create(Map.of("username", "owner-" + suffix, "password", "owner-password",
                "role", "OWNER")).getBody();

        assertProblem(api.update(owner.get("id"), Map.of("role", "MANAGER")), 409,
                "'owner-" + suffix + "' is the account's only owner; make someone else an owner first.");

        api.create(Map.of("username", "second-" + suffix, "password", "owner-password", "role", "OWNER"));
        assertThat(api.update(owner.get("id"), Map.of("role", "MANAGER")).getBody()).containsEntry("role", "MANAGER");
    }

    @Test
    void aNewUserSignsInWithTheirPasswordWhichIsStoredAsBcrypt(CapturedOutput output) throws Exception {
        Map<String, Object> lena = api.createManager("lena-" + suffix);

        mvc.perform(formLogin().user("lena-" + suffix).password("manager-password"))
                .andExpect(authenticated().withUsername("lena-" + suffix).withRoles("MANAGER"));
        mvc.perform(formLogin().user("lena-" + suffix).password("wrong-password")).andExpect(unauthenticated());
        assertThat(jdbc.sql("select password_hash from app_user where id = :id").param("id", UUID.fromString((String) lena.get("id")))
                .query(String.class).single()).startsWith("{bcrypt}$2");

        api.update(lena.get("id"), Map.of("password", "a-new-password"));
        mvc.perform(formLogin().user("lena-" + suffix).password("a-new-password")).andExpect(authenticated());
        mvc.perform(formLogin().user("lena-" + suffix).password("manager-password")).andExpect(unauthenticated());
        assertThat(output.getAll()).doesNotContain("manager-password").doesNotContain("a-new-password");
    }

    @Test
    void theSignedInPrincipalCarriesTheUsersId() throws Exception {
        Map<String, Object> lena = api.createManager("lena-" + suffix);

        mvc.perform(formLogin().user("lena-" + suffix).password("manager-password"))
                .andExpect(authenticated().withAuthentication(authentication ->
                        assertThat(authentication.getPrincipal()).isEqualTo(new BatonPrincipal(account.id(),
                                UUID.fromString((String) lena.get("id")), "lena-" + suffix, Role.MANAGER))));
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(new HashMap<>(response.getBody())).containsEntry("status", status).containsEntry("detail", detail);
    }
}
