package dev.baton.shopify.internal;

import dev.baton.shopify.internal.payload.AccessTokenRequest;
import dev.baton.shopify.internal.payload.AccessTokenResponse;
import dev.baton.shopify.internal.payload.GraphQlRequest;
import dev.baton.shopify.internal.payload.GraphQlResponse;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import java.net.URI;

/**
 * Shopify's Admin API, as OpenFeign calls it. Every store has its own host, so each call names its base URI (the
 * {@code url} below is never used).
 */
@FeignClient(name = "shopify", url = "http://shopify.invalid")
interface ShopifyAdminApi {

    @PostMapping(path = "/admin/api/{version}/graphql.json", consumes = MediaType.APPLICATION_JSON_VALUE)
    GraphQlResponse graphql(URI store, @PathVariable("version") String version,
            @RequestHeader("X-Shopify-Access-Token") String accessToken, @RequestBody GraphQlRequest request);

    @PostMapping(path = "/admin/oauth/access_token", consumes = MediaType.APPLICATION_JSON_VALUE)
    AccessTokenResponse accessToken(URI store, @RequestBody AccessTokenRequest request);
}
