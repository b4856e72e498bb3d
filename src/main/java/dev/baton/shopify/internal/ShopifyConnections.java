package dev.baton.shopify.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Connects a Shopify store to an account and starts its first sync. */
@Service
public class ShopifyConnections {

    static final Pattern SHOP_DOMAIN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com$");

    private final StoreIntegrations integrations;
    private final ShopifyStoreRepository stores;
    private final ShopifyGraphQl graphQl;

    ShopifyConnections(StoreIntegrations integrations, ShopifyStoreRepository stores, ShopifyGraphQl graphQl) {
        this.integrations = integrations;
        this.stores = stores;
        this.graphQl = graphQl;
    }

    /** With a custom app's Admin API access token, checked with a cheap call before anything is stored. */
    @Transactional
    public Connected connectWithToken(UUID accountId, String shop, String accessToken) {
        String domain = validShop(shop);
        if (accessToken == null || accessToken.isBlank()) {
            throw BatonException.badRequest("Send the custom app's Admin API access token as 'accessToken'.");
        }
        try {
            graphQl.query(domain, accessToken.strip(), ShopifyQueries.SHOP, Map.of());
        } catch (StoreUnavailableException e) {
            throw BatonException.unprocessable("Shopify did not accept this access token for " + domain + ": "
                    + e.getMessage() + " Check the token and that the app is installed on this store.");
        }
        return connect(accountId, domain, new Credentials(accessToken.strip(), null, null, null));
    }

    Connected connect(UUID accountId, String domain, Credentials credentials) {
        StoreIntegration integration = integrations.connect(accountId, CatalogOrigin.SHOPIFY, domain);
        stores.save(new ShopifyStore(integration.id(), accountId, domain, credentials.accessToken(),
                credentials.refreshToken(), credentials.expiresAt()), credentials.scopes());
        UUID jobId = integrations.startSync(accountId, integration.id());
        return new Connected(integration, jobId);
    }

    static String validShop(String shop) {
        if (shop == null || !SHOP_DOMAIN.matcher(shop.strip()).matches()) {
            throw BatonException.badRequest("'" + shop + "' is not a Shopify shop domain; it looks like "
                    + "your-store.myshopify.com.");
        }
        return shop.strip().toLowerCase(Locale.ROOT);
    }

    record Credentials(String accessToken, String refreshToken, java.time.OffsetDateTime expiresAt, String scopes) {
    }

    public record Connected(StoreIntegration integration, UUID syncJobId) {
    }
}
