package dev.baton.woocommerce.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shared.BatonException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/** Connects a WooCommerce store to an account with its REST API keys, and starts its first sync. */
@Service
public class WooCommerceConnections {

    private final StoreIntegrations integrations;
    private final WooCommerceStoreRepository stores;
    private final WooCommerceClients clients;
    private final WooCommerceProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    WooCommerceConnections(StoreIntegrations integrations, WooCommerceStoreRepository stores,
            WooCommerceClients clients, WooCommerceProperties properties, PlatformTransactionManager transactions,
            ApplicationEventPublisher events) {
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.integrations = integrations;
        this.stores = stores;
        this.clients = clients;
        this.properties = properties;
    }

    /**
     * The keys are checked with a cheap call before anything is stored; the store's answer is in the 422 when they
     * do not work. The call runs before the transaction opens, so no transaction waits on a store.
     */
    public Connected connectWithKeys(UUID accountId, String storeUrl, String consumerKey, String consumerSecret) {
        StoreAddress address = StoreAddress.of(storeUrl, properties.allowPrivateHosts());
        if (consumerKey == null || consumerKey.isBlank() || consumerSecret == null || consumerSecret.isBlank()) {
            throw BatonException.badRequest("Send the store's REST API keys as 'consumerKey' (ck_...) and "
                    + "'consumerSecret' (cs_...): WooCommerce > Settings > Advanced > REST API.");
        }
        String key = consumerKey.strip();
        String secret = consumerSecret.strip();
        try {
            clients.forStore(address, key, secret).checkKeys();
        } catch (RetryingCalls.KeysRefused e) {
            throw BatonException.unprocessable(e.getMessage() + " Check the consumer key and secret, and that "
                    + "their user may read the store (permissions Read or Read/Write).");
        } catch (StoreUnavailableException e) {
            throw BatonException.unprocessable("Baton could not check the keys: " + e.getMessage());
        }
        return transaction.execute(status -> store(accountId, address, key, secret));
    }

    /**
     * Stores the keys with a new webhook secret and queues the first sync; runs in the caller's transaction. The
     * webhooks are set up after it commits ({@link WooCommerceWebhooks}), so the connect never waits on them.
     */
    Connected store(UUID accountId, StoreAddress address, String consumerKey, String consumerSecret) {
        StoreIntegration integration = integrations.connect(accountId, CatalogOrigin.WOOCOMMERCE, address.url());
        stores.save(new WooCommerceStore(integration.id(), accountId, address, consumerKey, consumerSecret));
        stores.saveWebhookSecret(integration.id(), WebhookSignatures.newSecret());
        events.publishEvent(new WooCommerceStoreConnected(integration.id()));
        return new Connected(integration, integrations.startSync(accountId, integration.id()));
    }

    public record Connected(StoreIntegration integration, UUID syncJobId) {
    }
}
