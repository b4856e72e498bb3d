package dev.baton.shopify.internal;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shopify's documented OAuth example: secret "hush" signs these parameters to 700e2dad...fc4bf. */
class ShopifySignaturesTests {

    static Map<String, String> docsExample(String timestamp) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", "0907a61c0c8d55e99db179b68161bc00");
        query.put("hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
        query.put("shop", "some-shop.myshopify.com");
        query.put("state", "0.6784241404160823");
        query.put("timestamp", timestamp);
        return query;
    }

    @Test
    void theDocumentedExampleVerifies() {
        assertThat(ShopifySignatures.validQuery(docsExample("1337178173"), "hush")).isTrue();
    }

    @Test
    void aTamperedParameterAnotherSecretOrAMissingHmacDoNot() {
        assertThat(ShopifySignatures.validQuery(docsExample("133717817"), "hush")).isFalse();
        assertThat(ShopifySignatures.validQuery(docsExample("1337178173"), "not-hush")).isFalse();
        Map<String, String> unsigned = docsExample("1337178173");
        unsigned.remove("hmac");
        assertThat(ShopifySignatures.validQuery(unsigned, "hush")).isFalse();
    }
}
