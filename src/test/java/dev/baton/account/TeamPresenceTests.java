package dev.baton.account;

import dev.baton.account.internal.NewUser;
import dev.baton.account.internal.TeamEditor;
import dev.baton.account.internal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence, run once per storage mode by its subclasses: online is MANAGER, available and seen within
 * {@code baton.team.presence-window} (2 minutes by default), decided by the database so every node agrees. The
 * clock is the test's own.
 */
@DirtiesContext
@SpringBootTest
@Import(TeamPresenceTests.TestClock.class)
abstract class TeamPresenceTests {

    private static final Duration WINDOW = Duration.ofMinutes(2);

    @Autowired
    Team team;

    @Autowired
    TeamEditor editor;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MutableClock clock;

    UUID accountId;
    String suffix;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @BeforeEach
    void newAccount() {
        accountId = accounts.create("Presence store").id();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSeenManagerIsOnlineUntilThePresenceWindowHasPassed() {
        UUID lena = add("lena", Role.MANAGER);
        assertThat(team.onlineManagers(accountId)).as("never seen").isEmpty();

        team.seen(lena);
        assertThat(online()).containsExactly(lena);
        assertThat(team.member(accountId, lena).orElseThrow().lastSeenAt()).isEqualTo(clock.instant());

        clock.advance(WINDOW);
        assertThat(online()).as("seen exactly a window ago").containsExactly(lena);

        clock.advance(Duration.ofSeconds(1));
        assertThat(online()).as("seen longer ago than the window").isEmpty();
        assertThat(team.member(accountId, lena).orElseThrow().online(clock.instant(), WINDOW)).isFalse();

        team.seen(lena);
        assertThat(online()).as("back").containsExactly(lena);
    }

    @Test
    void anUnavailableManagerIsNotOnlineHoweverRecentlySeen() {
        UUID lena = add("lena", Role.MANAGER);
        team.seen(lena);

        editor.setAvailable(accountId, lena, false);

        assertThat(online()).isEmpty();
        assertThat(team.member(accountId, lena).orElseThrow().available()).isFalse();

        editor.setAvailable(accountId, lena, true);
        assertThat(online()).containsExactly(lena);
    }

    @Test
    void onlyManagersAreOnlineManagersOldestFirst() {
        UUID owner = add("owner", Role.OWNER);
        clock.advance(Duration.ofSeconds(1));
        UUID admin = add("admin", Role.ADMIN);
        clock.advance(Duration.ofSeconds(1));
        UUID zoe = add("zoe", Role.MANAGER);
        clock.advance(Duration.ofSeconds(1));
        UUID adam = add("adam", Role.MANAGER);
        List.of(adam, zoe, admin, owner).forEach(team::seen);

        assertThat(online()).as("managers only, in the order they were added").containsExactly(zoe, adam);
        assertThat(team.members(accountId)).extracting(TeamMember::id).containsExactly(owner, admin, zoe, adam);
    }

    @Test
    void anotherAccountsManagersAreNeverOnlineHere() {
        UUID lena = add("lena", Role.MANAGER);
        team.seen(lena);
        UUID otherAccount = accounts.create("Another store").id();

        assertThat(team.onlineManagers(otherAccount)).isEmpty();
        assertThat(team.member(otherAccount, lena)).isEmpty();
        assertThat(team.members(otherAccount)).isEmpty();
    }

    @Test
    void seenWritesAtMostOnceEveryTwentySeconds() {
        UUID lena = add("lena", Role.MANAGER);
        Instant first = clock.instant();
        team.seen(lena);

        clock.advance(Duration.ofSeconds(10));
        team.seen(lena);
        assertThat(lastSeen(lena)).as("10 s later: not written again").isEqualTo(first);

        clock.advance(Duration.ofSeconds(10));
        team.seen(lena);
        assertThat(lastSeen(lena)).as("20 s later: still the first visit").isEqualTo(first);

        clock.advance(Duration.ofSeconds(1));
        team.seen(lena);
        assertThat(lastSeen(lena)).as("21 s later: written").isEqualTo(first.plusSeconds(21));
    }

    @Test
    void aMembersGroupsAndAllowedStagesComeWithIt() {
        UUID stage = UUID.randomUUID();
        UUID vip = editor.create(accountId, new NewUser("vip-" + suffix, "manager-password", "Vera", "MANAGER",
                List.of("VIP"), List.of(stage))).id();
        team.seen(vip);

        TeamMember member = team.onlineManagers(accountId).get(0);
        assertThat(member.id()).isEqualTo(vip);
        assertThat(member.groups()).containsExactly("VIP");
        assertThat(member.stageIds()).containsExactly(stage);
        assertThat(member.allowedFor(stage)).isTrue();
        assertThat(member.allowedFor(UUID.randomUUID())).isFalse();
        assertThat(member.label()).isEqualTo("Vera");
    }

    private UUID add(String name, Role role) {
        return editor.create(accountId, new NewUser(name + "-" + suffix, "team-password", null, role.name(), List.of(),
                List.of())).id();
    }

    private List<UUID> online() {
        return team.onlineManagers(accountId).stream().map(TeamMember::id).toList();
    }

    private Instant lastSeen(UUID userId) {
        return team.member(accountId, userId).orElseThrow().lastSeenAt();
    }
}
