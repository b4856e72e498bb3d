package dev.baton.woocommerce;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same deliveries against PostgreSQL: its unique key deduplicates, its clock orders deletions and updates. */
class PostgresWooCommerceWebhookTests extends WooCommerceWebhookTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "woocommerce_webhooks");
    }
}
