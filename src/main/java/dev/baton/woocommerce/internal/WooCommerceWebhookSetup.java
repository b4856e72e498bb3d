package dev.baton.woocommerce.internal;

/**
 * Whether a store sends its changes to Baton as webhooks, with a message for its owner (never the secret). Never
 * fails a connection: without webhooks the scheduled reconciliation still brings changes in.
 */
public record WooCommerceWebhookSetup(Status status, String message) {

    static final String UNTIL_THEN = "Until then, store changes reach Baton only through the scheduled "
            + "reconciliation.";

    public enum Status {
        /** Every topic has an active webhook to Baton's address. */
        REGISTERED,
        /** The keys may only read: the owner adds or re-activates the webhooks by hand (or gives read/write keys). */
        OWNER_ACTION_NEEDED,
        /** The store refused or could not be asked; the next set-up (reconciliation) tries again. */
        FAILED,
        /** Not attempted: no public address for WooCommerce to call, or the store is not connected. */
        NOT_SET_UP
    }
}
