package dev.baton.woocommerce;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Connecting and syncing a WooCommerce store on PostgreSQL (cursor and phase saved per page, JSON columns). */
class PostgresWooCommerceSyncTests extends WooCommerceSyncTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "woocommerce_sync");
    }
}
