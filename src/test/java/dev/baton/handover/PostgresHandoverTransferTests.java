package dev.baton.handover;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The handover's tickets, assignment and inbox on PostgreSQL (row locks, casts, list parameters). */
class PostgresHandoverTransferTests extends HandoverTransferTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "handover_transfer");
    }
}
