package dev.baton.shopify.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shopify.internal.payload.AccessTokenRequest;
import dev.baton.shopify.internal.payload.AccessTokenResponse;
import feign.FeignException;
import org.springframework.stereotype.Component;

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

    ShopifyTokens(ShopifyStoreRepository stores, ShopifyAdminApi api, ShopifyProperties properties, Clock clock) {
        this.stores = stores;
        this.api = api;
        this.properties = properties;
        this.clock = clock;
    }

    ShopifyStore current(UUID integrationId) {
        ShopifyStore store = stores.find(integrationId)
                .orElseThrow(() -> new StoreUnavailableException("This Shopify store has no credentials; connect it again."));
        if (store.refreshToken() == null || !store.tokenExpiresBefore(OffsetDateTime.now(clock).plus(REFRESH_AHEAD))) {
            return store;
        }
        return refresh(store);
    }

    private ShopifyStore refresh(ShopifyStore store) {
        AccessTokenResponse response;
        try {
            response = api.accessToken(URI.create(properties.baseUrlFor(store.shop())),
                    AccessTokenRequest.refresh(properties.apiKey(), properties.apiSecret(), store.refreshToken()));
        } catch (FeignException e) {
            throw new StoreUnavailableException("Shopify did not renew the access token of " + store.shop()
                    + " (HTTP " + e.status() + "). Reinstall Baton from the store.", e);
        }
        ShopifyStore renewed = withTokens(store, response, clock);
        stores.save(renewed, response.scope());
        return renewed;
    }

    static ShopifyStore withTokens(ShopifyStore store, AccessTokenResponse response, Clock clock) {
        OffsetDateTime expires = response.expiresIn() == null ? null
                : OffsetDateTime.now(clock).plusSeconds(response.expiresIn());
        return store.withTokens(response.accessToken(), response.refreshToken(), expires);
    }
}
