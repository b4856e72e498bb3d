package dev.baton.shopify.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shopify.internal.payload.AccessTokenRequest;
import dev.baton.shopify.internal.payload.AccessTokenResponse;
import feign.FeignException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A shop's current access token. Expiring offline tokens are refreshed with their refresh token shortly before they
 * expire, and the new pair is stored (encrypted) for every node to use.
 */
@Component
class ShopifyTokens {

    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private final ShopifyStoreRepository stores;
    private final ShopifyAdminApi api;
    private final ShopifyProperties properties;
    private final Clock clock;
    private final TransactionTemplate transactions;

    ShopifyTokens(ShopifyStoreRepository stores, ShopifyAdminApi api, ShopifyProperties properties, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.stores = stores;
        this.api = api;
        this.properties = properties;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    ShopifyStore current(UUID integrationId) {
        ShopifyStore store = stores.find(integrationId)
                .orElseThrow(() -> new StoreUnavailableException("This Shopify store has no credentials; connect it again."));
        return needsRefresh(store) ? refresh(integrationId) : store;
    }

    private boolean needsRefresh(ShopifyStore store) {
        return store.refreshToken() != null && store.tokenExpiresBefore(OffsetDateTime.now(clock).plus(REFRESH_AHEAD));
    }

    /**
     * Shopify's refresh tokens are single-use: two nodes renewing with the same one would leave one of them with a
     * refused token. The store's row is locked for the renewal, and a node that waited for the lock finds the pair
     * the other node stored and uses it.
     */
    private ShopifyStore refresh(UUID integrationId) {
        return transactions.execute(status -> {
            ShopifyStore store = stores.findForUpdate(integrationId)
                    .orElseThrow(() -> new StoreUnavailableException("This Shopify store has no credentials; connect it again."));
            if (!needsRefresh(store)) {
                return store;
            }
            AccessTokenResponse response;
            try {
                response = api.accessToken(URI.create(properties.baseUrlFor(store.shop())),
                        AccessTokenRequest.refresh(properties.apiKey(), properties.apiSecret(), store.refreshToken()));
            } catch (FeignException e) {
                throw new StoreUnavailableException("Shopify did not renew the access token of " + store.shop()
                        + " (HTTP " + e.status() + "). Reinstall Baton from the store.", e);
            }
            ShopifyStore renewed = withTokens(store, response, clock);
            stores.updateTokens(renewed, response.scope());
            return renewed;
        });
    }

    static ShopifyStore withTokens(ShopifyStore store, AccessTokenResponse response, Clock clock) {
        OffsetDateTime expires = response.expiresIn() == null ? null
                : OffsetDateTime.now(clock).plusSeconds(response.expiresIn());
        return store.withTokens(response.accessToken(), response.refreshToken(), expires);
    }
}
