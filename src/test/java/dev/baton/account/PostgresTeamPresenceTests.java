package dev.baton.account;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Presence on PostgreSQL (scripts/setup-postgres.sh), in a schema of its own. */
class PostgresTeamPresenceTests extends TeamPresenceTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "team_presence");
    }
}
