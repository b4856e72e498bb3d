package dev.baton.shopify.internal;

import dev.baton.shared.BatonException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;

/**
 * Takes a webhook in: signature first (on the raw bytes, before any parsing), then the shop, then deduplication.
 * It is stored with its processing event in one transaction and answered at once; the work happens after.
 */
@Service
public class ShopifyWebhookIntake {

    private final ShopifyProperties properties;
    private final ShopifyStoreRepository stores;
    private final ShopifyWebhookRepository webhooks;
    private final ApplicationEventPublisher events;

    ShopifyWebhookIntake(ShopifyProperties properties, ShopifyStoreRepository stores, ShopifyWebhookRepository webhooks,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.stores = stores;
        this.webhooks = webhooks;
        this.events = events;
    }

    /** Answers whether the webhook is new (false: a duplicate delivery, acknowledged and ignored). */
    @Transactional
    public boolean receive(byte[] body, String hmac, String shop, String topic, String eventId, String webhookId) {
        if (!ShopifySignatures.validBody(body, hmac, properties.apiSecret())) {
            throw new ShopifyInstalls.Unauthorized("The webhook's signature (X-Shopify-Hmac-Sha256) does not verify.");
        }
        ShopifyStore store = stores.findByShop(shop == null ? "" : shop)
                .orElseThrow(() -> new ShopifyInstalls.Unauthorized("No store " + shop + " is known to Baton."));
        String id = eventId != null && !eventId.isBlank() ? eventId : webhookId;
        if (id == null || id.isBlank() || topic == null || topic.isBlank()) {
            throw BatonException.badRequest("A Shopify webhook carries X-Shopify-Topic and X-Shopify-Event-Id.");
        }
        if (webhooks.exists(id)) {
            return false;
        }
        // A concurrent duplicate that slips past the check hits the unique event id; Shopify's retry then finds it.
        return webhooks.insert(store.accountId(), shop, topic, id, new String(body, StandardCharsets.UTF_8))
                .map(stored -> {
                    events.publishEvent(new ShopifyWebhookReceived(stored));
                    return true;
                })
                .orElse(false);
    }
}
