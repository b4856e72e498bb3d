package dev.baton.shopify.internal.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Shopify's answer with an offline access token; the expiry fields come with expiring tokens only. */
public record AccessTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("scope") String scope,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn) {
}
