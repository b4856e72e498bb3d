package dev.baton.account;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Presence on the embedded default (H2). */
class EmbeddedTeamPresenceTests extends TeamPresenceTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }
}
