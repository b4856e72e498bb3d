package dev.baton.shopify.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where Baton cannot tell Shopify its address, it says so instead of calling Shopify. */
class ShopifyWebhookRegistrationTests {

    @Test
    void withoutAPublicUrlNothingIsRegisteredAndTheMessageNamesTheProperty() {
        // No GraphQL client at all: any call to Shopify would fail the registration instead of skipping it.
        var registration = new ShopifyWebhookRegistration(null, "");

        WebhookSetup setup = registration.register("snowdevil.myshopify.com", "shpat_token");

        assertThat(setup.status()).isEqualTo(WebhookSetup.Status.NOT_SET_UP);
        assertThat(setup.message()).contains("baton.public-url").contains("reconciliation");
    }

    @Test
    void aPublicUrlThatIsNotAnAbsoluteAddressStopsStartUp() {
        assertThatThrownBy(() -> new ShopifyWebhookRegistration(null, "baton.example.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baton.public-url");
    }
}
