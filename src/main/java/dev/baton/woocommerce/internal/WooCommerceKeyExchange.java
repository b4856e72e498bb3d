package dev.baton.woocommerce.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shared.BatonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * The one-click connect through WooCommerce's own key exchange ({@code /wc-auth/v1/authorize}): the owner approves
 * Baton at their store, the store creates a key pair and posts it to Baton's callback (server to server, no session),
 * then sends the owner back. The nonce that ties the three together travels as WooCommerce's {@code user_id}, the
 * only value the store hands back unchanged in both the callback and the return (decision 37).
 */
@Service
public class WooCommerceKeyExchange {

    static final String APP_NAME = "Baton";
    static final String SCOPE = "read";
    public static final String CALLBACK_PATH = "/woocommerce/callback";
    public static final String RETURN_PATH = "/woocommerce/return";

    private static final Logger log = LoggerFactory.getLogger(WooCommerceKeyExchange.class);

    private final ConnectNonces nonces;
    private final StoreIntegrations integrations;
    private final WooCommerceConnections connections;
    private final WooCommerceClients clients;
    private final WooCommerceProperties properties;
    private final TransactionTemplate transaction;

    WooCommerceKeyExchange(ConnectNonces nonces, StoreIntegrations integrations, WooCommerceConnections connections,
            WooCommerceClients clients, WooCommerceProperties properties, PlatformTransactionManager transactions) {
        this.nonces = nonces;
        this.integrations = integrations;
        this.connections = connections;
        this.clients = clients;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Where to send the owner: the store's consent screen. {@code batonUrl} is where the store and the owner's
     * browser reach Baton (no trailing slash). Refused before the owner leaves: a bad address, an account that
     * already has a store, and a callback WooCommerce would refuse to post to.
     */
    public URI begin(UUID accountId, String storeUrl, String batonUrl) {
        StoreAddress store = StoreAddress.of(storeUrl, properties.allowPrivateHosts());
        integrations.connected(accountId).ifPresent(existing -> {
            throw BatonException.conflict("This account already has a store connected (" + existing.storeAddress()
                    + "). Disconnect it first; one store per account keeps the agent's answers about one catalog.");
        });
        String callbackUrl = batonUrl + CALLBACK_PATH;
        if (!callbackAccepted(callbackUrl, properties.allowPrivateHosts())) {
            throw BatonException.conflict("WooCommerce sends the keys only to an https:// address, and Baton is "
                    + "reached at " + batonUrl + " here. Set baton.public-url to Baton's public https address, or "
                    + "connect with the store's REST API keys instead.");
        }
        String nonce = transaction.execute(status -> nonces.issue(accountId, store));
        return authorizeUrl(store, nonce, batonUrl);
    }

    /**
     * The keys WooCommerce posts. Accepted only with a live nonce (used up here, whatever follows) and keys the store
     * itself accepts; anything refused stores nothing, and the non-2xx answer makes WooCommerce delete the key pair
     * and tell the owner it failed. The keys are checked before the transaction opens, so no transaction waits on a
     * store.
     */
    public WooCommerceConnections.Connected receive(String nonce, String consumerKey, String consumerSecret) {
        if (nonce == null || nonce.isBlank() || consumerKey == null || consumerKey.isBlank()
                || consumerSecret == null || consumerSecret.isBlank()) {
            throw BatonException.badRequest("Expected WooCommerce's JSON with 'user_id', 'consumer_key' and "
                    + "'consumer_secret'.");
        }
        ConnectNonces.Pending pending = transaction.execute(status -> nonces.take(nonce.strip()))
                .orElseThrow(() -> new NotLive("This connect link has expired or was already used; nothing was "
                        + "stored. Start again from Baton's Knowledge page."));
        String key = consumerKey.strip();
        String secret = consumerSecret.strip();
        try {
            clients.forStore(pending.store(), key, secret).checkKeys();
        } catch (RetryingCalls.KeysRefused e) {
            log.warn("WooCommerce keys posted for {} were refused by the store itself", pending.store().url());
            throw BatonException.unprocessable(e.getMessage());
        } catch (StoreUnavailableException e) {
            throw BatonException.unprocessable("Baton could not check the keys: " + e.getMessage());
        }
        var connected = transaction.execute(status -> connections.store(pending.accountId(), pending.store(), key, secret));
        log.info("WooCommerce store {} connected through /wc-auth; first sync {}", pending.store().url(),
                connected.syncJobId());
        return connected;
    }

    /** The owner is back from the store: what happened, in their words. The unused nonce dies here. */
    public Returned returned(UUID accountId, String success, String nonce) {
        if (nonce != null && !nonce.isBlank()) {
            transaction.executeWithoutResult(status -> nonces.discard(accountId, nonce.strip()));
        }
        if (!"1".equals(success)) {
            return new Returned(Returned.Outcome.DECLINED, null);
        }
        return integrations.connected(accountId)
                .filter(integration -> integration.platform() == CatalogOrigin.WOOCOMMERCE)
                .map(StoreIntegration::storeAddress)
                .map(address -> new Returned(Returned.Outcome.CONNECTED, address))
                .orElse(new Returned(Returned.Outcome.EXPIRED, null));
    }

    static URI authorizeUrl(StoreAddress store, String nonce, String batonUrl) {
        return UriComponentsBuilder.fromUriString(store.url()).path("/wc-auth/v1/authorize")
                .queryParam("app_name", APP_NAME)
                .queryParam("scope", SCOPE)
                .queryParam("user_id", nonce)
                .queryParam("return_url", batonUrl + RETURN_PATH)
                .queryParam("callback_url", batonUrl + CALLBACK_PATH)
                .encode().build().toUri();
    }

    /**
     * WooCommerce ({@code WC_Auth::make_validation}) refuses a callback_url that is not https. Local runs and tests
     * (private hosts allowed) may send one anyway: a store on the same machine or a test double is all they reach.
     */
    static boolean callbackAccepted(String callbackUrl, boolean allowPrivateHosts) {
        return allowPrivateHosts || callbackUrl.toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /**
     * @param storeAddress the connected store, with {@code CONNECTED}; null otherwise
     */
    public record Returned(Outcome outcome, String storeAddress) {

        public enum Outcome { CONNECTED, DECLINED, EXPIRED }
    }

    /** 401: the callback names no live nonce, so nothing says whose keys these are. */
    static final class NotLive extends BatonException {
        NotLive(String detail) {
            super(401, "Unauthorized", detail);
        }
    }
}
