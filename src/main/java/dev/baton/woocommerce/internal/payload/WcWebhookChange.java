package dev.baton.woocommerce.internal.payload;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /webhooks} (all fields) or {@code PUT /webhooks/{id}} (only what changes). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WcWebhookChange(String name, String topic, String deliveryUrl, String secret, String status) {

    public static WcWebhookChange create(String name, String topic, String deliveryUrl, String secret) {
        return new WcWebhookChange(name, topic, deliveryUrl, secret, "active");
    }

    public static WcWebhookChange activate(String secret) {
        return new WcWebhookChange(null, null, null, secret, "active");
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "WcWebhookChange[" + topic + ", " + status + "]";
    }
}
