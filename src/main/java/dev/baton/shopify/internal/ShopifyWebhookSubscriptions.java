package dev.baton.shopify.internal;

import java.util.List;

/**
 * The GraphQL Admin API calls (2026-10) that subscribe a custom app's connection to the webhooks Baton handles.
 * Since 2025-10 a subscription's endpoint is its {@code uri} ({@code callbackUrl} is deprecated). The listing shows
 * only subscriptions made through the API for this app and shop, which is what a custom app has.
 */
final class ShopifyWebhookSubscriptions {

    /** What keeps the mirror fresh; the same topics as the app's subscriptions in plugin-manifest/shopify.app.toml. */
    static final List<String> TOPICS = List.of("PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE",
            "INVENTORY_LEVELS_UPDATE", "ORDERS_CREATE", "ORDERS_UPDATED", "SHOP_UPDATE", "APP_UNINSTALLED");

    static final int PAGE = 100;

    static final String LIST = """
            query WebhookSubscriptions($first: Int!, $after: String) {
              webhookSubscriptions(first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { id topic uri }
              }
            }""";

    static final String CREATE = """
            mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!,
                $webhookSubscription: WebhookSubscriptionInput!) {
              webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
                webhookSubscription { id topic uri }
                userErrors { field message }
              }
            }""";

    private ShopifyWebhookSubscriptions() {
    }
}
