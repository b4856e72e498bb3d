package dev.baton.woocommerce.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.payload.WcError;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs calls to a store. Many WordPress hosts rate-limit (429) or stumble (5xx, timeouts): those are retried with
 * exponential back-off and jitter for at most {@code baton.woocommerce.max-retry-duration} (ten seconds while an
 * owner waits for a connection to be checked). Refused keys, other 4xx and pages that are not JSON fail at once,
 * each with a reason an owner can act on.
 */
final class RetryingCalls {

    private final RetryTemplate sync;
    private final RetryTemplate quick;
    private final Duration readTimeout;

    RetryingCalls(WooCommerceProperties properties) {
        this.sync = template(properties, properties.maxRetryDuration());
        Duration tenSeconds = Duration.ofSeconds(10);
        this.quick = template(properties,
                properties.maxRetryDuration().compareTo(tenSeconds) < 0 ? properties.maxRetryDuration() : tenSeconds);
        this.readTimeout = properties.readTimeout();
    }

    private static RetryTemplate template(WooCommerceProperties properties, Duration timeout) {
        return new RetryTemplate(RetryPolicy.builder()
                .delay(properties.retryDelay())
                .multiplier(2)
                .jitter(properties.retryDelay().dividedBy(2))
                .maxDelay(Duration.ofSeconds(30))
                .timeout(timeout)
                .maxRetries(Long.MAX_VALUE)
                .predicate(RetryingCalls::worthRetrying)
                .build());
    }

    <T> Response<T> execute(StoreAddress store, Supplier<Call<T>> call) {
        return run(sync, store, call);
    }

    /** The same with a short retry budget: someone is waiting for the answer. */
    <T> Response<T> executeQuickly(StoreAddress store, Supplier<Call<T>> call) {
        return run(quick, store, call);
    }

    private <T> Response<T> run(RetryTemplate template, StoreAddress store, Supplier<Call<T>> call) {
        try {
            return template.execute(() -> once(call));
        } catch (RetryException e) {
            throw failure(store, e.getCause() == null ? e : e.getCause());
        }
    }

    private static <T> Response<T> once(Supplier<Call<T>> call) throws IOException {
        Response<T> response = call.get().execute();
        if (response.isSuccessful()) {
            if (response.body() == null) {
                throw new JsonBodies.NotJson("an empty answer");
            }
            return response;
        }
        try (var body = response.errorBody()) {
            throw new HttpFailure(response.code(), body == null ? "" : body.string());
        }
    }

    private static boolean worthRetrying(Throwable e) {
        if (e instanceof HttpFailure failure) {
            return failure.status == 429 || failure.status >= 500;
        }
        return e instanceof IOException && !(e instanceof JsonBodies.NotJson);
    }

    private StoreUnavailableException failure(StoreAddress store, Throwable e) {
        String where = "The WooCommerce store at " + store.url();
        if (e instanceof HttpFailure failure) {
            return failure.explain(where);
        }
        if (e instanceof JsonBodies.NotJson notJson) {
            return new StoreUnavailableException(where + " answered with " + notJson.getMessage()
                    + " instead of the REST API's JSON: the site may be in maintenance mode, or a security or caching "
                    + "plugin may be blocking /wp-json.", e);
        }
        if (e instanceof InterruptedIOException) {
            return new StoreUnavailableException(where + " did not answer within " + readTimeout.toSeconds()
                    + " seconds (timeout), and kept failing past the retry limit.", e);
        }
        return new StoreUnavailableException(where + " could not be reached: " + e.getMessage(), e);
    }

    /** An HTTP error status, with what the store said. */
    static final class HttpFailure extends IOException {

        final int status;
        final String body;

        HttpFailure(int status, String body) {
            super("HTTP " + status);
            this.status = status;
            this.body = body;
        }

        StoreUnavailableException explain(String where) {
            if (!JsonBodies.looksLikeJson(body)) {
                return new StoreUnavailableException(where + " answered HTTP " + status + " with "
                        + JsonBodies.describe(body) + " instead of the REST API's JSON"
                        + (status >= 500 || status == 429 ? ", and kept failing past the retry limit" : "")
                        + ": the site may be in maintenance mode, or a security plugin may be blocking /wp-json.", this);
            }
            String said = said();
            if (status == 401 || status == 403) {
                return new KeysRefused(where + " refused the REST API keys (HTTP " + status + said + ").", this);
            }
            if (status == 404) {
                return new StoreUnavailableException(where + " has no WooCommerce REST API v3 (HTTP 404" + said
                        + "): check that WooCommerce is active and the address is the store's.", this);
            }
            return new StoreUnavailableException(where + " answered HTTP " + status + said
                    + (status >= 500 || status == 429 ? " and kept failing past the retry limit." : "."), this);
        }

        /** What the store said, as ": message", or nothing. */
        String said() {
            try {
                WcError error = JsonBodies.MAPPER.readValue(body, WcError.class);
                return error.message() == null || error.message().isBlank() ? "" : ": " + error.message();
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    /** The store did not accept the consumer key and secret. */
    static final class KeysRefused extends StoreUnavailableException {
        KeysRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
