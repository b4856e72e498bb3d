package dev.baton.shopify.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code baton.shopify.*}.
 *
 * @param apiKey           the app's client id (OAuth install)
 * @param apiSecret        the app's client secret: signs OAuth callbacks and webhooks
 * @param scopes           access scopes Baton asks for
 * @param apiVersion       the pinned Admin API version
 * @param baseUrl          where Shopify calls go; {@code {shop}} is replaced by the shop's domain. Tests and local
 *                         runs point it at a WireMock server
 * @param pageSize         items per page of a paged read (Shopify's maximum is 250)
 * @param maxRetryDuration how long one call may keep retrying (throttled, 429, 5xx, timeouts) before the sync fails
 * @param retryDelay       the first wait before a retry; it doubles with each retry, with jitter
 * @param bulkThreshold    catalogs with more products than this are read with a Bulk Operation instead of pages
 * @param bulkPollInterval how often a running Bulk Operation is asked whether it is done
 * @param bulkTimeout      how long a sync waits for a Bulk Operation before it fails (resumable: a resumed sync
 *                         waits for the same operation again)
 */
@Validated
@ConfigurationProperties("baton.shopify")
record ShopifyProperties(
        String apiKey,
        String apiSecret,
        @DefaultValue("read_products,read_inventory,read_orders,read_customers,read_legal_policies,read_online_store_pages") String scopes,
        @DefaultValue("2026-10") @NotBlank String apiVersion,
        @DefaultValue("https://{shop}") @NotBlank String baseUrl,
        @DefaultValue("250") @Min(1) int pageSize,
        @DefaultValue("60s") Duration maxRetryDuration,
        @DefaultValue("1s") Duration retryDelay,
        @DefaultValue("2000") @Min(0) int bulkThreshold,
        @DefaultValue("2s") Duration bulkPollInterval,
        @DefaultValue("2h") Duration bulkTimeout) {

    String baseUrlFor(String shop) {
        return baseUrl.replace("{shop}", shop);
    }
}
