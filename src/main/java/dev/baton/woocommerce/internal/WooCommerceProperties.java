package dev.baton.woocommerce.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code baton.woocommerce.*}.
 *
 * @param allowPrivateHosts stores on private, loopback or link-local addresses may be connected (tests and local
 *                          runs); off in production, so a store URL cannot point Baton at its own network
 * @param pageSize          items per page of a listing (WooCommerce's maximum is 100)
 * @param connectTimeout    how long connecting to a store may take
 * @param readTimeout       how long a store may take to answer one request
 * @param maxRetryDuration  how long one call may keep retrying (429, 5xx, timeouts) before the sync fails
 * @param retryDelay        the first wait before a retry; it doubles with each retry, with jitter
 */
@Validated
@ConfigurationProperties("baton.woocommerce")
record WooCommerceProperties(
        @DefaultValue("false") boolean allowPrivateHosts,
        @DefaultValue("100") @Min(1) @Max(100) int pageSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("60s") Duration maxRetryDuration,
        @DefaultValue("1s") Duration retryDelay) {
}
