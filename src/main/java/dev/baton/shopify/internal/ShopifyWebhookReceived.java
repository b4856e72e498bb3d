package dev.baton.shopify.internal;

import java.util.UUID;

/** A verified, stored webhook waits to be processed. */
record ShopifyWebhookReceived(UUID webhookId) {
}
