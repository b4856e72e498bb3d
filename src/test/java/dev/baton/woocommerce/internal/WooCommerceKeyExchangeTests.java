package dev.baton.woocommerce.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the /wc-auth link that follow WooCommerce's own rules ({@code WC_Auth}). */
class WooCommerceKeyExchangeTests {

    @Test
    void aCallbackOnPlainHttpIsRefusedAsWooCommerceWouldUnlessPrivateHostsAreAllowed() {
        assertThat(WooCommerceKeyExchange.callbackAccepted("https://baton.example.com/woocommerce/callback", false)).isTrue();
        assertThat(WooCommerceKeyExchange.callbackAccepted("HTTPS://baton.example.com/woocommerce/callback", false)).isTrue();
        assertThat(WooCommerceKeyExchange.callbackAccepted("http://baton.example.com/woocommerce/callback", false)).isFalse();
        assertThat(WooCommerceKeyExchange.callbackAccepted("http://localhost:8080/woocommerce/callback", true)).isTrue();
    }

    @Test
    void aStoreInASubfolderIsAuthorizedUnderThatFolder() {
        var link = WooCommerceKeyExchange.authorizeUrl(new StoreAddress("https://example.com/shop"), "abc123",
                "https://baton.example.com");

        assertThat(link.getScheme() + "://" + link.getHost() + link.getPath())
                .isEqualTo("https://example.com/shop/wc-auth/v1/authorize");
        assertThat(link.getQuery()).contains("app_name=Baton").contains("scope=read").contains("user_id=abc123")
                .contains("return_url=https://baton.example.com/woocommerce/return")
                .contains("callback_url=https://baton.example.com/woocommerce/callback");
    }
}
