package dev.baton.woocommerce.internal;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reconciliation on PostgreSQL (marks, timestamps with time zone, the upsert of a mark). */
class PostgresWooCommerceReconciliationTests extends WooCommerceReconciliationTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "woocommerce_reconciliation");
    }
}
