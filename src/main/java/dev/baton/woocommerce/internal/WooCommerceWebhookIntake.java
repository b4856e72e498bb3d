package dev.baton.woocommerce.internal;

import dev.baton.shared.BatonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes a delivery in: the store named in the address, its signature on the raw bytes (before any parsing), then
 * deduplication by resource and {@code date_modified_gmt}. It is stored with its processing event in one transaction
 * and answered at once: WooCommerce waits only seconds and never retries a delivery.
 */
@Service
public class WooCommerceWebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WooCommerceWebhookIntake.class);
    private static final Pattern PING = Pattern.compile("(^|&)webhook_id=\\d+(&|$)");

    private final WooCommerceStoreRepository stores;
    private final WooCommerceDeliveryRepository deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    WooCommerceWebhookIntake(WooCommerceStoreRepository stores, WooCommerceDeliveryRepository deliveries,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.stores = stores;
        this.deliveries = deliveries;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What became of a delivery; every outcome is answered 200. */
    public enum Outcome {
        /** WooCommerce's check that the address answers, sent (unsigned) when a webhook is created or activated. */
        PING,
        STORED,
        /** This state of the resource was received before. */
        DUPLICATE,
        /** A topic Baton does not use (a webhook someone pointed at Baton's address). */
        IGNORED
    }

    public Outcome receive(String integrationId, byte[] body, String contentType, String signature, String topic,
            String deliveryId) {
        if (isPing(body, contentType)) {
            return Outcome.PING;
        }
        UUID integration = integration(integrationId);
        String secret = stores.findWebhookSecret(integration).orElse(null);
        if (secret == null) {
            // The same answer as a bad signature: it does not tell which stores Baton knows.
            throw refused();
        }
        if (!WebhookSignatures.valid(body, signature, secret)) {
            stores.recordSignatureRefused(integration);
            log.warn("Refused a WooCommerce delivery for integration {}: {}", integration,
                    signature == null || signature.isBlank() ? "no signature" : "its signature does not verify");
            throw refused();
        }
        if (topic == null || topic.isBlank()) {
            throw BatonException.badRequest("A WooCommerce delivery names its topic in X-WC-Webhook-Topic.");
        }
        if (!WooCommerceWebhooks.TOPICS.contains(topic.strip())) {
            return Outcome.IGNORED;
        }
        return store(integration, topic.strip(), body, deliveryId);
    }

    private Outcome store(UUID integration, String topic, byte[] body, String deliveryId) {
        JsonNode payload = parse(body);
        long resourceId = payload.path("id").asLong(0);
        if (resourceId <= 0) {
            throw BatonException.badRequest("The delivery's JSON has no resource id.");
        }
        String resource = topic.substring(0, topic.indexOf('.'));
        String version = version(topic, payload, deliveryId);
        UUID accountId = stores.find(integration).orElseThrow(WooCommerceWebhookIntake::refused).accountId();
        return transaction.execute(status -> {
            if (deliveries.exists(integration, resource, resourceId, version)) {
                return Outcome.DUPLICATE;
            }
            Optional<UUID> stored = deliveries.insert(integration, accountId, topic, resource, resourceId, version,
                    new String(body, StandardCharsets.UTF_8));
            stored.ifPresent(id -> events.publishEvent(new WooCommerceWebhookReceived(id)));
            return stored.isPresent() ? Outcome.STORED : Outcome.DUPLICATE;
        });
    }

    /**
     * The state a delivery carries: {@code date_modified_gmt}. A deletion ({@code {"id": N}}) has none; each is kept
     * (by its delivery id), removing twice changes nothing.
     */
    private static String version(String topic, JsonNode payload, String deliveryId) {
        if (topic.endsWith(".deleted")) {
            return "deleted:" + (deliveryId == null || deliveryId.isBlank() ? UUID.randomUUID() : deliveryId.strip());
        }
        String modified = payload.path("date_modified_gmt").asString("");
        if (WooCommerceMapping.time(modified) == null) {
            throw BatonException.badRequest("The delivery's JSON has no readable date_modified_gmt.");
        }
        return modified;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode payload = JsonBodies.MAPPER.readTree(body);
            if (payload == null || !payload.isObject()) {
                throw BatonException.badRequest("The delivery is not a JSON object.");
            }
            return payload;
        } catch (JacksonException e) {
            throw BatonException.badRequest("The delivery is not valid JSON.");
        }
    }

    private static boolean isPing(byte[] body, String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")
                && PING.matcher(new String(body, StandardCharsets.UTF_8).strip()).find();
    }

    private static UUID integration(String integrationId) {
        try {
            return UUID.fromString(integrationId);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    private static BatonException refused() {
        return new Refused("The delivery's signature (X-WC-Webhook-Signature) does not verify for this store.");
    }

    static final class Refused extends BatonException {
        Refused(String detail) {
            super(401, "Unauthorized", detail);
        }
    }
}
