package dev.baton.shopify.internal;

import dev.baton.shared.BatonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Takes a webhook in: the shop named in the header, then its signature (on the raw bytes, before any parsing), then
 * deduplication. It is stored with its processing event in one transaction and answered at once; the work happens
 * after. A store connected with a custom app's token and API secret has its webhooks signed with that secret, and
 * only with it; every other store's are signed with Baton's app secret ({@code baton.shopify.api-secret}).
 */
@Service
public class ShopifyWebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookIntake.class);

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
        Optional<ShopifyStore> known = stores.findByShop(shop == null ? "" : shop);
        // The store's own secret if it has one (map gives empty for null), else Baton's app secret.
        String secret = known.map(ShopifyStore::apiSecret).orElse(properties.apiSecret());
        // Checked for an unknown shop too, and refused alike: the answer does not tell which shops Baton knows.
        boolean valid = ShopifySignatures.validBody(body, hmac, secret);
        if (!valid || known.isEmpty()) {
            known.ifPresent(store -> log.warn("Refused a webhook for {}: its signature does not verify with the {}",
                    store.shop(), store.apiSecret() != null ? "custom app's API secret" : "Baton app's secret"));
            throw new ShopifyInstalls.Unauthorized("The webhook's signature (X-Shopify-Hmac-Sha256) does not verify "
                    + "for this shop.");
        }
        ShopifyStore store = known.get();
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
