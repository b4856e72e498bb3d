package dev.baton.shopify.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.shopify.internal.payload.GraphQlRequest;
import dev.baton.shopify.internal.payload.GraphQlResponse;
import feign.FeignException;
import feign.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs GraphQL Admin API calls for a shop. Shopify meters each shop with a leaky bucket of query cost; every answer
 * says how full it is ({@code extensions.cost.throttleStatus}), so calls wait until the bucket holds enough for the
 * next one instead of being refused. What is refused anyway (THROTTLED, 429, 5xx, timeouts) is retried with
 * exponential back-off and jitter for at most {@code baton.shopify.max-retry-duration}.
 */
@Component
class ShopifyGraphQl {

    private static final Logger log = LoggerFactory.getLogger(ShopifyGraphQl.class);
    /** Assumed cost of a query never run before; Shopify reports the real one. */
    private static final double FIRST_GUESS_COST = 100;

    private final ShopifyAdminApi api;
    private final ShopifyProperties properties;
    private final RetryTemplate retry;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ShopifyGraphQl(ShopifyAdminApi api, ShopifyProperties properties) {
        this.api = api;
        this.properties = properties;
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .delay(properties.retryDelay())
                .multiplier(2)
                .jitter(properties.retryDelay().dividedBy(2))
                .maxDelay(Duration.ofSeconds(30))
                .timeout(properties.maxRetryDuration())
                .maxRetries(Long.MAX_VALUE)
                .predicate(ShopifyGraphQl::worthRetrying)
                .build());
    }

    /** The {@code data} of the answer. */
    JsonNode query(String shop, String accessToken, String query, Map<String, Object> variables) {
        try {
            return retry.execute(() -> once(shop, accessToken, query, variables));
        } catch (RetryException e) {
            throw failure(shop, e.getCause() == null ? e : e.getCause());
        }
    }

    /** The {@code data} of the answer to a query for a connected store; an answer without data fails. */
    JsonNode data(ShopifyStore store, String query, Map<String, Object> variables) {
        return data(store.shop(), store.accessToken(), query, variables);
    }

    /** The same, for a shop and token not stored yet (connecting) or outside a sync. */
    JsonNode data(String shop, String accessToken, String query, Map<String, Object> variables) {
        JsonNode data = query(shop, accessToken, query, variables);
        if (data == null || data.isNull()) {
            throw new StoreUnavailableException("Shopify answered without data for " + shop + ".");
        }
        return data;
    }

    private JsonNode once(String shop, String accessToken, String query, Map<String, Object> variables) {
        Bucket bucket = buckets.computeIfAbsent(shop, s -> new Bucket());
        bucket.waitFor(query);
        GraphQlResponse response = api.graphql(URI.create(properties.baseUrlFor(shop)), properties.apiVersion(),
                accessToken, new GraphQlRequest(query, variables));
        bucket.update(query, response);
        if (response.errors() != null && !response.errors().isEmpty()) {
            GraphQlResponse.Error error = response.errors().get(0);
            if (error.extensions() != null && "THROTTLED".equals(error.extensions().code())) {
                throw new Throttled();
            }
            throw new StoreUnavailableException("Shopify refused the query: " + error.message());
        }
        return response.data();
    }

    private static boolean worthRetrying(Throwable e) {
        if (e instanceof Throttled || e instanceof RetryableException) {
            return true;
        }
        return e instanceof FeignException feign && (feign.status() == 429 || feign.status() >= 500);
    }

    private static StoreUnavailableException failure(String shop, Throwable e) {
        if (e instanceof StoreUnavailableException unavailable) {
            return unavailable;
        }
        if (e instanceof FeignException feign && (feign.status() == 401 || feign.status() == 403)) {
            return new StoreUnavailableException("Shopify refused Baton's access token for " + shop
                    + " (HTTP " + feign.status() + "). Reconnect the store.", e);
        }
        if (e instanceof Throttled) {
            return new StoreUnavailableException("Shopify kept throttling " + shop + " past the retry limit.", e);
        }
        if (e instanceof FeignException feign && feign.status() > 0) {
            return new StoreUnavailableException("Shopify answered HTTP " + feign.status() + " for " + shop
                    + " and kept failing past the retry limit.", e);
        }
        return new StoreUnavailableException("Shopify could not be reached for " + shop + ": " + e.getMessage(), e);
    }

    /** Shopify said the bucket is empty; worth another try once it refills. */
    static final class Throttled extends RuntimeException {
        Throttled() {
            super("THROTTLED", null, false, false);
        }
    }

    /** One shop's leaky bucket as Shopify last described it, and what each query cost. */
    private static final class Bucket {

        private final Map<String, Double> costs = new ConcurrentHashMap<>();
        private volatile double available = Double.MAX_VALUE;
        private volatile double restoreRate = 50;

        void waitFor(String query) {
            double needed = costs.getOrDefault(query, FIRST_GUESS_COST);
            if (available >= needed) {
                return;
            }
            long millis = (long) Math.ceil((needed - available) / restoreRate * 1000);
            log.debug("Waiting {} ms for Shopify's query budget to refill", millis);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("Interrupted while waiting for Shopify's rate limit", e);
            }
        }

        void update(String query, GraphQlResponse response) {
            if (response.extensions() == null || response.extensions().cost() == null) {
                return;
            }
            GraphQlResponse.Cost cost = response.extensions().cost();
            costs.put(query, cost.requestedQueryCost());
            if (cost.throttleStatus() != null) {
                available = cost.throttleStatus().currentlyAvailable();
                restoreRate = Math.max(1, cost.throttleStatus().restoreRate());
            }
        }
    }
}
