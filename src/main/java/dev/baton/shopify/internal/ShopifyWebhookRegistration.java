package dev.baton.shopify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscribes a token-connected store (a custom app) to Baton's webhooks: lists what the app already has and creates
 * only the missing topics for Baton's address, so connecting again never duplicates a subscription. Stores installed
 * through Baton's own app get their subscriptions from the app configuration (shopify.app.toml) instead.
 */
@Component
class ShopifyWebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookRegistration.class);
    static final String WEBHOOK_PATH = "/webhooks/shopify";

    private final ShopifyGraphQl graphQl;
    private final String callbackUrl;

    /**
     * {@code baton.public-url} is where Shopify reaches this deployment; it lives outside {@code baton.shopify.*}
     * because it is the deployment's address, not a Shopify setting. Empty: registration is skipped.
     */
    ShopifyWebhookRegistration(ShopifyGraphQl graphQl, @Value("${baton.public-url:}") String publicUrl) {
        this.graphQl = graphQl;
        this.callbackUrl = callbackUrl(publicUrl);
    }

    WebhookSetup register(String shop, String accessToken) {
        if (callbackUrl.isEmpty()) {
            log.warn("Webhooks for {} not registered: baton.public-url is not set", shop);
            return new WebhookSetup(WebhookSetup.Status.NOT_SET_UP, "Webhooks are not set up: Baton does not know "
                    + "its public address (baton.public-url), so it cannot tell Shopify where to send them. "
                    + WebhookSetup.UNTIL_THEN);
        }
        try {
            Set<String> existing = existingTopics(shop, accessToken);
            List<String> missing = ShopifyWebhookSubscriptions.TOPICS.stream()
                    .filter(topic -> !existing.contains(topic)).toList();
            List<String> refusals = new ArrayList<>();
            for (String topic : missing) {
                String refusal = create(shop, accessToken, topic);
                if (!refusal.isEmpty()) {
                    refusals.add(topic + ": " + refusal);
                }
            }
            if (!refusals.isEmpty()) {
                log.warn("Shopify refused webhook subscriptions for {}: {}", shop, refusals);
                return failed("Shopify refused " + String.join("; ", refusals) + ".");
            }
            log.info("Webhooks for {} registered: {} created, {} already there", shop, missing.size(),
                    ShopifyWebhookSubscriptions.TOPICS.size() - missing.size());
            return new WebhookSetup(WebhookSetup.Status.REGISTERED, "Webhooks are set up: Shopify sends changes of "
                    + ShopifyWebhookSubscriptions.TOPICS.size() + " topics to " + callbackUrl + " (" + missing.size()
                    + " subscriptions created, " + (ShopifyWebhookSubscriptions.TOPICS.size() - missing.size())
                    + " already there).");
        } catch (RuntimeException e) {
            // The messages name the shop and Shopify's answer, never the token.
            String reason = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
            log.warn("Registering webhooks for {} failed: {}", shop, reason);
            return failed(reason);
        }
    }

    /** The topics this app already sends to Baton's address, over every page of the listing. */
    private Set<String> existingTopics(String shop, String accessToken) {
        Set<String> topics = new HashSet<>();
        String cursor = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", ShopifyWebhookSubscriptions.PAGE);
            variables.put("after", cursor);
            JsonNode connection = graphQl.data(shop, accessToken, ShopifyWebhookSubscriptions.LIST, variables)
                    .path("webhookSubscriptions");
            connection.path("nodes").valueStream()
                    .filter(node -> callbackUrl.equals(JsonValues.text(node.path("uri"))))
                    .forEach(node -> topics.add(JsonValues.text(node.path("topic"))));
            JsonNode pageInfo = connection.path("pageInfo");
            cursor = pageInfo.path("hasNextPage").asBoolean(false)
                    ? JsonValues.nullable(pageInfo.path("endCursor")) : null;
        } while (cursor != null);
        return topics;
    }

    /** Empty when created; otherwise what Shopify said. */
    private String create(String shop, String accessToken, String topic) {
        JsonNode payload = graphQl.data(shop, accessToken, ShopifyWebhookSubscriptions.CREATE, Map.of(
                        "topic", topic,
                        "webhookSubscription", Map.of("uri", callbackUrl, "format", "JSON")))
                .path("webhookSubscriptionCreate");
        String errors = payload.path("userErrors").valueStream()
                .map(error -> JsonValues.text(error.path("message")))
                .collect(Collectors.joining(", "));
        if (!errors.isEmpty()) {
            return errors;
        }
        JsonNode created = payload.path("webhookSubscription");
        return created.isMissingNode() || created.isNull() ? "no subscription was created" : "";
    }

    private static WebhookSetup failed(String reason) {
        return new WebhookSetup(WebhookSetup.Status.FAILED, "Webhooks are not fully set up: " + reason
                + " The store is connected and syncs; disconnect and connect it again to retry. "
                + WebhookSetup.UNTIL_THEN);
    }

    private static String callbackUrl(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return "";
        }
        String base = publicUrl.strip().replaceAll("/+$", "");
        if (!base.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalStateException("baton.public-url must be an absolute address such as "
                    + "https://baton.example.com, not '" + publicUrl + "'");
        }
        return base + WEBHOOK_PATH;
    }
}
