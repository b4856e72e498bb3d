package dev.baton.woocommerce.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class WooCommerceWebhooksTests {

    private final UUID integrationId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();
    private final WooCommerceStoreRepository stores = mock(WooCommerceStoreRepository.class);
    private final WooCommerceClients clients = mock(WooCommerceClients.class);
    private final StoreIntegrations integrations = mock(StoreIntegrations.class);

    @Test
    void withoutAPublicAddressTheWebhooksAreNotSetUpAndTheStoreIsNotCalled() {
        when(stores.find(integrationId)).thenReturn(Optional.of(new WooCommerceStore(integrationId, accountId,
                new StoreAddress("https://shop.example.com"), "ck_x", "cs_x")));
        when(integrations.get(accountId, integrationId)).thenReturn(new StoreIntegration(integrationId, accountId,
                CatalogOrigin.WOOCOMMERCE, "https://shop.example.com", true, OffsetDateTime.now(), null));

        WooCommerceWebhookSetup setup = new WooCommerceWebhooks(stores, clients, integrations, "").ensure(integrationId);

        assertThat(setup.status()).isEqualTo(WooCommerceWebhookSetup.Status.NOT_SET_UP);
        assertThat(setup.message()).contains("baton.public-url").contains("reconciliation");
        verify(stores).recordWebhookSetup(any(), any());
        verifyNoInteractions(clients);
    }

    @Test
    void aPublicAddressThatIsNotAnAbsoluteUrlStopsTheStart() {
        assertThatThrownBy(() -> new WooCommerceWebhooks(stores, clients, integrations, "baton.example.com"))
                .hasMessageContaining("baton.public-url");
    }
}
