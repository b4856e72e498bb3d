package dev.baton.shopify.internal;

/**
 * Whether Shopify will send a token-connected store's changes to Baton as webhooks, with a message for the owner.
 * Never fails a connection: without webhooks the scheduled reconciliation still brings changes in.
 */
public record WebhookSetup(Status status, String message) {

    static final String UNTIL_THEN = "Until then, store changes reach Baton only through the scheduled "
            + "reconciliation (hourly by default).";

    public enum Status {
        /** Every topic has a subscription to Baton's webhook address. */
        REGISTERED,
        /** Shopify refused some or all subscriptions, or could not be asked. */
        FAILED,
        /** Not attempted: no API secret to verify the webhooks with, or no public address for Shopify to call. */
        NOT_SET_UP
    }

    static WebhookSetup withoutSecret() {
        return new WebhookSetup(Status.NOT_SET_UP, "Webhooks are not set up: give the custom app's API secret key "
                + "('apiSecret') so Baton can verify the webhooks Shopify signs with it. " + UNTIL_THEN);
    }
}
