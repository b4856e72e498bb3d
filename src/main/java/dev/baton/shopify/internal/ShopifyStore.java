package dev.baton.shopify.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A connected shop with its (decrypted) credentials. {@code tokenExpiresAt} and {@code refreshToken} are null for
 * tokens that do not expire (custom apps, non-expiring offline tokens). {@code apiSecret} is the custom app's API
 * secret key, which signs that app's webhooks; null when the store was installed through Baton's own app (whose
 * webhooks are signed with {@code baton.shopify.api-secret}) or connected without it.
 */
record ShopifyStore(UUID integrationId, UUID accountId, String shop, String accessToken, String refreshToken,
        OffsetDateTime tokenExpiresAt, String apiSecret) {

    /** The same store with other tokens; its webhook secret stays. */
    ShopifyStore withTokens(String newAccessToken, String newRefreshToken, OffsetDateTime newExpiresAt) {
        return new ShopifyStore(integrationId, accountId, shop, newAccessToken, newRefreshToken, newExpiresAt,
                apiSecret);
    }

    boolean tokenExpiresBefore(OffsetDateTime moment) {
        return tokenExpiresAt != null && tokenExpiresAt.isBefore(moment);
    }

    @Override
    public String toString() {
        // Never print the tokens or the secret.
        return "ShopifyStore[" + shop + ", integration " + integrationId + "]";
    }
}
