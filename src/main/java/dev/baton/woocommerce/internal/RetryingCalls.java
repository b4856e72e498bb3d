package dev.baton.woocommerce.internal;

import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.payload.WcError;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * Runs calls to a store. Many WordPress hosts rate-limit (429) or stumble (5xx, timeouts): those are retried with
 * exponential back-off and jitter for at most {@code baton.woocommerce.max-retry-duration} (ten seconds while an
 * owner waits for a connection to be checked). Refused keys, other 4xx and pages that are not JSON fail at once,
 * each with a reason an owner can act on. A 429 or 503 that says how long to wait ({@code Retry-After}, seconds or
 * an HTTP date) is waited for that long (never less than the back-off), as long as the wait fits in the budget: a
 * store asking for more fails the call at once, saying so, instead of being hammered or waited on past the limit.
 */
final class RetryingCalls {

    private final Duration budget;
    private final Duration quickBudget;
    private final Duration retryDelay;
    private final Duration readTimeout;
    private final Clock clock;

    RetryingCalls(WooCommerceProperties properties) {
        this(properties, Clock.systemUTC());
    }

    RetryingCalls(WooCommerceProperties properties, Clock clock) {
        this.budget = properties.maxRetryDuration();
        Duration tenSeconds = Duration.ofSeconds(10);
        this.quickBudget = budget.compareTo(tenSeconds) < 0 ? budget : tenSeconds;
        this.retryDelay = properties.retryDelay();
        this.readTimeout = properties.readTimeout();
        this.clock = clock;
    }

    <T> Response<T> execute(StoreAddress store, Supplier<Call<T>> call) {
        return run(budget, store, call);
    }

    /** The same with a short retry budget: someone is waiting for the answer. */
    <T> Response<T> executeQuickly(StoreAddress store, Supplier<Call<T>> call) {
        return run(quickBudget, store, call);
    }

    /** One template per call: its back-off reads the {@code Retry-After} of this call's last answer. */
    private <T> Response<T> run(Duration timeout, StoreAddress store, Supplier<Call<T>> call) {
        RetryAfter retryAfter = new RetryAfter();
        RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
                .backOff(retryAfter.over(exponential()))
                .timeout(timeout)
                .predicate(RetryingCalls::worthRetrying)
                .build());
        try {
            return template.execute(() -> once(call, retryAfter));
        } catch (RetryException e) {
            throw failure(store, e.getCause() == null ? e : e.getCause(), timeout);
        }
    }

    private ExponentialBackOff exponential() {
        ExponentialBackOff backOff = new ExponentialBackOff(retryDelay.toMillis(), 2);
        backOff.setJitter(retryDelay.dividedBy(2).toMillis());
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        backOff.setMaxAttempts(Long.MAX_VALUE);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private <T> Response<T> once(Supplier<Call<T>> call, RetryAfter retryAfter) throws IOException {
        Response<T> response = call.get().execute();
        if (response.isSuccessful()) {
            if (response.body() == null) {
                throw new JsonBodies.NotJson("an empty answer");
            }
            return response;
        }
        Duration wait = retryAfter(response.headers().get("Retry-After"));
        retryAfter.requested = wait;
        try (var body = response.errorBody()) {
            throw new HttpFailure(response.code(), body == null ? "" : body.string(), wait);
        }
    }

    /** {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110); zero when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }

    /**
     * The wait the store asked for, if longer than the back-off's. Spring's retry template adds the wait to the time
     * spent before sleeping, so a wait past the budget ends the retries at once.
     */
    private static final class RetryAfter {

        Duration requested = Duration.ZERO;

        BackOff over(BackOff backOff) {
            return () -> {
                BackOffExecution execution = backOff.start();
                return () -> {
                    long next = execution.nextBackOff();
                    long asked = requested.toMillis();
                    requested = Duration.ZERO;
                    return next == BackOffExecution.STOP ? next : Math.max(next, asked);
                };
            };
        }
    }

    private static boolean worthRetrying(Throwable e) {
        if (e instanceof HttpFailure failure) {
            return failure.status == 429 || failure.status >= 500;
        }
        return e instanceof IOException && !(e instanceof JsonBodies.NotJson);
    }

    private StoreUnavailableException failure(StoreAddress store, Throwable e, Duration timeout) {
        String where = "The WooCommerce store at " + store.url();
        if (e instanceof HttpFailure failure) {
            if (failure.retryAfter.compareTo(timeout) > 0 && (failure.status == 429 || failure.status >= 500)) {
                return new StoreUnavailableException(where + " answered HTTP " + failure.status
                        + (failure.status == 429 ? " (too many requests)" : "") + " and asked Baton to wait "
                        + failure.retryAfter.toSeconds() + " seconds (Retry-After), longer than the retry limit of "
                        + timeout.toSeconds() + " seconds; the next sync or reconciliation tries again.", failure);
            }
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
        final Duration retryAfter;

        HttpFailure(int status, String body, Duration retryAfter) {
            super("HTTP " + status);
            this.status = status;
            this.body = body;
            this.retryAfter = retryAfter;
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
                // Without its closing full stop: the message is quoted inside Baton's own sentence.
                return error.message() == null || error.message().isBlank() ? ""
                        : ": " + error.message().strip().replaceAll("\\.+$", "");
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
