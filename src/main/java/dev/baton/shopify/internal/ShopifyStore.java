package dev.baton.shopify.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A connected shop with its (decrypted) credentials. {@code tokenExpiresAt} and {@code refreshToken} are null for
 * tokens that do not expire (custom apps, non-expiring offline tokens).
 */
record ShopifyStore(UUID integrationId, UUID accountId, String shop, String accessToken, String refreshToken,
        OffsetDateTime tokenExpiresAt) {

    boolean tokenExpiresBefore(OffsetDateTime moment) {
        return tokenExpiresAt != null && tokenExpiresAt.isBefore(moment);
    }

    @Override
    public String toString() {
        // Never print the tokens.
        return "ShopifyStore[" + shop + ", integration " + integrationId + "]";
    }
}
