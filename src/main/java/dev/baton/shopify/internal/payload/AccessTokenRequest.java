package dev.baton.shopify.internal.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /admin/oauth/access_token}: exchanging an OAuth code, or refreshing an expiring token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenRequest(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("client_secret") String clientSecret,
        @JsonProperty("code") String code,
        @JsonProperty("grant_type") String grantType,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("expiring") Integer expiring) {

    public static AccessTokenRequest exchange(String clientId, String clientSecret, String code) {
        return new AccessTokenRequest(clientId, clientSecret, code, null, null, 1);
    }

    public static AccessTokenRequest refresh(String clientId, String clientSecret, String refreshToken) {
        return new AccessTokenRequest(clientId, clientSecret, null, "refresh_token", refreshToken, null);
    }
}
