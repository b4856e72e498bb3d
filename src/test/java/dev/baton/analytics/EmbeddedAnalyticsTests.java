package dev.baton.analytics;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The analytics contract on the embedded default (H2 in PostgreSQL mode). */
class EmbeddedAnalyticsTests extends AnalyticsContractTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }
}
