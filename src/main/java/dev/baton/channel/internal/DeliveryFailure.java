package dev.baton.channel.internal;

/**
 * A message could not be sent. {@code permanent} failures (the channel refused the message itself: a bad recipient,
 * a revoked token) are not retried; the others (timeouts, 429, 5xx) are, with backoff.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public static DeliveryFailure retryable(String message) {
        return new DeliveryFailure(message, false);
    }

    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, true);
    }

    public boolean permanent() {
        return permanent;
    }

    /** 408, 425, 429 and 5xx are worth another try; any other refusal will be refused again. */
    public static DeliveryFailure ofStatus(int status, String detail) {
        boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
        String message = "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + detail);
        return new DeliveryFailure(message.length() > 900 ? message.substring(0, 900) : message, !retry);
    }
}
