package dev.baton.analytics;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The analytics contract on PostgreSQL, in a schema of its own. */
class PostgresAnalyticsTests extends AnalyticsContractTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "analytics");
    }
}
