package dev.baton.shopify.internal;

import dev.baton.shared.BatonException;
import dev.baton.shopify.internal.payload.AccessTokenRequest;
import dev.baton.shopify.internal.payload.AccessTokenResponse;
import feign.FeignException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-click install: Baton sends the owner to Shopify's consent screen with a single-use, expiring state, and
 * Shopify sends them back with a signed code that Baton exchanges for an (expiring) offline access token.
 */
@Service
public class ShopifyInstalls {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ShopifyProperties properties;
    private final ShopifyAdminApi api;
    private final ShopifyConnections connections;
    private final Clock clock;

    ShopifyInstalls(JdbcClient jdbc, ShopifyProperties properties, ShopifyAdminApi api, ShopifyConnections connections,
            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.api = api;
        this.connections = connections;
        this.clock = clock;
    }

    /** Where to send the owner: Shopify's authorize URL for this shop. */
    @Transactional
    public URI begin(UUID accountId, String shop, String callbackUrl) {
        String domain = ShopifyConnections.validShop(shop);
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw BatonException.conflict("Baton's Shopify app is not configured: set baton.shopify.api-key and "
                    + "baton.shopify.api-secret, or connect with a custom app's access token instead.");
        }
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        String state = HexFormat.of().formatHex(nonce);
        jdbc.sql("insert into shopify_oauth_state (state, account_id, shop, expires_at) values (:state, :account, :shop, :expires)")
                .param("state", state).param("account", accountId).param("shop", domain)
                .param("expires", OffsetDateTime.now(clock).plus(STATE_LIFETIME)).update();
        return UriComponentsBuilder.fromUriString(properties.baseUrlFor(domain)).path("/admin/oauth/authorize")
                .queryParam("client_id", properties.apiKey())
                .queryParam("scope", properties.scopes())
                .queryParam("redirect_uri", callbackUrl)
                .queryParam("state", state)
                .encode().build().toUri();
    }

    /**
     * Shopify's redirect back: accepted only with a valid signature, a live state issued for this shop, and a shop
     * domain; anything else stores nothing.
     */
    @Transactional(noRollbackFor = BatonException.class)
    public ShopifyConnections.Connected complete(Map<String, String> query) {
        String shop = query.get("shop");
        if (shop == null || !ShopifyConnections.SHOP_DOMAIN.matcher(shop).matches()) {
            throw BatonException.badRequest("The callback does not name a Shopify shop domain.");
        }
        if (!ShopifySignatures.validQuery(query, properties.apiSecret())) {
            throw unauthorized("The callback's signature (hmac) does not verify.");
        }
        Pending pending = takeState(query.get("state"))
                .filter(state -> state.shop().equalsIgnoreCase(shop))
                .orElseThrow(() -> unauthorized("The install link has expired or was already used. Start the install again."));
        String code = query.get("code");
        if (code == null || code.isBlank()) {
            throw BatonException.badRequest("The callback carries no authorization code.");
        }
        AccessTokenResponse token = exchange(pending.shop(), code);
        var credentials = new ShopifyConnections.Credentials(token.accessToken(), token.refreshToken(),
                token.expiresIn() == null ? null : OffsetDateTime.now(clock).plusSeconds(token.expiresIn()),
                token.scope(), null);
        return connections.connect(pending.accountId(), pending.shop(), credentials);
    }

    /** Single use: the state row is deleted as it is read, so a replayed callback finds nothing. */
    private Optional<Pending> takeState(String state) {
        if (state == null) {
            return Optional.empty();
        }
        Optional<Pending> pending = jdbc.sql("select account_id, shop, expires_at from shopify_oauth_state where state = :state")
                .param("state", state)
                .query((rs, n) -> new Pending(rs.getObject("account_id", UUID.class), rs.getString("shop"),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
        jdbc.sql("delete from shopify_oauth_state where state = :state or expires_at < :now")
                .param("state", state).param("now", OffsetDateTime.now(clock)).update();
        return pending.filter(p -> p.expiresAt().isAfter(OffsetDateTime.now(clock)));
    }

    private AccessTokenResponse exchange(String shop, String code) {
        try {
            return api.accessToken(URI.create(properties.baseUrlFor(shop)),
                    AccessTokenRequest.exchange(properties.apiKey(), properties.apiSecret(), code));
        } catch (FeignException e) {
            throw BatonException.unprocessable("Shopify did not exchange the authorization code (HTTP " + e.status()
                    + "). Start the install again.");
        }
    }

    private static BatonException unauthorized(String detail) {
        return new Unauthorized(detail);
    }

    private record Pending(UUID accountId, String shop, OffsetDateTime expiresAt) {
    }

    /** 401: the callback cannot be trusted. */
    static final class Unauthorized extends BatonException {
        Unauthorized(String detail) {
            super(401, "Unauthorized", detail);
        }
    }
}
