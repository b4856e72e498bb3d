package dev.baton.shopify.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static dev.baton.shopify.internal.JsonValues.nullable;

/**
 * Applies stored webhooks to the catalog, in the background. A failure leaves the event publication incomplete, so
 * the webhook is processed again after a restart; applying one twice changes nothing.
 */
@Component
class ShopifyWebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(ShopifyWebhookProcessor.class);
    private static final CatalogOrigin SHOPIFY = CatalogOrigin.SHOPIFY;

    private final ShopifyWebhookRepository webhooks;
    private final ShopifyStoreRepository stores;
    private final ShopifyPlatform platform;
    private final Catalog catalog;
    private final StoreIntegrations integrations;
    private final ObjectMapper json;
    private final ShopifyDataRequests dataRequests;

    ShopifyWebhookProcessor(ShopifyWebhookRepository webhooks, ShopifyStoreRepository stores, ShopifyPlatform platform,
            Catalog catalog, StoreIntegrations integrations, ObjectMapper json, ShopifyDataRequests dataRequests) {
        this.webhooks = webhooks;
        this.stores = stores;
        this.platform = platform;
        this.catalog = catalog;
        this.integrations = integrations;
        this.json = json;
        this.dataRequests = dataRequests;
    }

    @ApplicationModuleListener
    void on(ShopifyWebhookReceived event) {
        webhooks.find(event.webhookId()).filter(webhook -> !webhook.processed()).ifPresent(this::process);
    }

    private void process(ShopifyWebhookRepository.Webhook webhook) {
        ShopifyStore store = stores.findByShop(webhook.shop()).orElse(null);
        if (store == null) {
            webhooks.markProcessed(webhook.id());
            return;
        }
        JsonNode payload = json.readTree(webhook.payload());
        switch (webhook.topic()) {
            case "products/create", "products/update" -> catalog.applyProduct(store.accountId(), SHOPIFY,
                    ShopifyWebhookPayloads.product(payload, catalog.storeUrl(store.accountId()).orElse("")));
            case "products/delete" -> catalog.removeProduct(store.accountId(), SHOPIFY,
                    "gid://shopify/Product/" + payload.path("id").asString());
            case "inventory_levels/update" -> platform.productOfInventoryItem(store.integrationId(),
                            payload.path("inventory_item_id").asLong())
                    .ifPresent(product -> catalog.applyProduct(store.accountId(), SHOPIFY, product));
            case "orders/create", "orders/updated" -> catalog.applyOrder(store.accountId(), SHOPIFY,
                    ShopifyWebhookPayloads.order(payload), ShopifyWebhookPayloads.updatedAt(payload));
            case "shop/update" -> catalog.updateStore(store.accountId(), SHOPIFY, ShopifyWebhookPayloads.shop(payload));
            case "app/uninstalled" -> uninstalled(store);
            case "customers/redact" -> redactCustomer(store, payload);
            case "customers/data_request" -> dataRequests.record(store.accountId(), webhook.shop(),
                    nullable(payload.path("customer").path("email")), nullable(payload.path("customer").path("phone")));
            case "shop/redact" -> redactShop(store);
            default -> log.info("Ignoring Shopify webhook topic {}", webhook.topic());
        }
        webhooks.markProcessed(webhook.id());
    }

    /** Baton stops using the token at once; the data stays until Shopify asks for it to be erased (shop/redact). */
    private void uninstalled(ShopifyStore store) {
        var integration = integrations.get(store.accountId(), store.integrationId());
        if (integration.connected()) {
            integrations.disconnect(store.accountId(), store.integrationId());
        }
        // The webhook secret stays: deliveries that arrive after the uninstall (late ones, shop/redact) still verify.
        stores.save(store.withTokens("revoked", null, null), null);
    }

    private void redactCustomer(ShopifyStore store, JsonNode payload) {
        JsonNode customer = payload.path("customer");
        int deleted = catalog.redactCustomer(store.accountId(), SHOPIFY, nullable(customer.path("email")),
                nullable(customer.path("phone")));
        log.info("customers/redact for {}: {} orders deleted", store.shop(), deleted);
    }

    private void redactShop(ShopifyStore store) {
        catalog.eraseOrigin(store.accountId(), SHOPIFY);
        webhooks.deleteOfShop(store.shop());
        stores.delete(store.integrationId());
        log.info("shop/redact for {}: the shop's data is erased", store.shop());
    }
}
