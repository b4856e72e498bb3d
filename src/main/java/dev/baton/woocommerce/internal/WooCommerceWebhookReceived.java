package dev.baton.woocommerce.internal;

import java.util.UUID;

/** A verified, stored delivery waits to be processed. */
record WooCommerceWebhookReceived(UUID deliveryId) {
}
