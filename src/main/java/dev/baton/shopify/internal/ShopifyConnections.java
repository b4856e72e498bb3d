package dev.baton.shopify.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shared.BatonException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
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
    private final ShopifyWebhookRegistration webhooks;
    private final TransactionTemplate transaction;

    ShopifyConnections(StoreIntegrations integrations, ShopifyStoreRepository stores, ShopifyGraphQl graphQl,
            ShopifyWebhookRegistration webhooks, PlatformTransactionManager transactions) {
        this.integrations = integrations;
        this.stores = stores;
        this.graphQl = graphQl;
        this.webhooks = webhooks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * With a custom app's Admin API access token, checked with a cheap call before anything is stored. With the
     * app's API secret key too, Baton subscribes the store to its webhooks once the connection is committed; that
     * step never undoes the connection, its outcome is reported instead.
     */
    public TokenConnected connectWithToken(UUID accountId, String shop, String accessToken, String apiSecret) {
        String domain = validShop(shop);
        if (accessToken == null || accessToken.isBlank()) {
            throw BatonException.badRequest("Send the custom app's Admin API access token as 'accessToken'.");
        }
        String token = accessToken.strip();
        String secret = apiSecret == null || apiSecret.isBlank() ? null : apiSecret.strip();
        try {
            graphQl.query(domain, token, ShopifyQueries.SHOP, Map.of());
        } catch (StoreUnavailableException e) {
            throw BatonException.unprocessable("Shopify did not accept this access token for " + domain + ": "
                    + e.getMessage() + " Check the token and that the app is installed on this store.");
        }
        // Committed before Shopify is called again: no transaction stays open across those calls, and the
        // webhooks they subscribe find the store (and its secret) in place.
        Connected connected = transaction.execute(status ->
                connect(accountId, domain, new Credentials(token, null, null, null, secret)));
        WebhookSetup setup = secret == null ? WebhookSetup.withoutSecret() : webhooks.register(domain, token);
        return new TokenConnected(connected, setup);
    }

    /** Stores the credentials and queues the first sync; runs in the caller's transaction. */
    Connected connect(UUID accountId, String domain, Credentials credentials) {
        StoreIntegration integration = integrations.connect(accountId, CatalogOrigin.SHOPIFY, domain);
        stores.save(new ShopifyStore(integration.id(), accountId, domain, credentials.accessToken(),
                credentials.refreshToken(), credentials.expiresAt(), credentials.apiSecret()), credentials.scopes());
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

    /** {@code apiSecret}: a custom app's API secret key, which signs its webhooks; null for Baton's own app. */
    record Credentials(String accessToken, String refreshToken, OffsetDateTime expiresAt, String scopes,
            String apiSecret) {

        @Override
        public String toString() {
            return "Credentials[scopes=" + scopes + "]";
        }
    }

    public record Connected(StoreIntegration integration, UUID syncJobId) {
    }

    /** A token connection, and whether Shopify will send it webhooks. */
    public record TokenConnected(Connected connected, WebhookSetup webhooks) {
    }
}
