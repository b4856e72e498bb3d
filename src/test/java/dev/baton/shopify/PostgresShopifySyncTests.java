package dev.baton.shopify;

import dev.baton.TestStorage;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresShopifySyncTests extends ShopifySyncTests {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.postgres(registry, "shopify_sync");
    }
}
