package dev.baton.woocommerce.internal.payload;

/**
 * A webhook as {@code GET /wp-json/wc/v3/webhooks} lists it. {@code status}: active, paused (by an admin) or disabled
 * (by WooCommerce, after failed deliveries). The secret is never listed.
 */
public record WcWebhook(long id, String name, String status, String topic, String deliveryUrl) {
}
