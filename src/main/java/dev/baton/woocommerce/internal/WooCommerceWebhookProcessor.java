package dev.baton.woocommerce.internal;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Product;
import dev.baton.catalog.StoreIntegrations;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.WooCommerceDeliveryRepository.Delivery;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcProduct;
import dev.baton.woocommerce.internal.payload.WcVariation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Applies stored deliveries to the catalog, in the background. A failure leaves the event publication incomplete, so
 * the delivery is processed again after a restart; applying one twice changes nothing. An older state never wins:
 * the catalog refuses a product or order older than the one it holds, an unpublished product is removed only if
 * nothing newer is held, and an update older than a deletion received before it is dropped (decision 38).
 */
@Component
class WooCommerceWebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(WooCommerceWebhookProcessor.class);
    private static final CatalogOrigin WOOCOMMERCE = CatalogOrigin.WOOCOMMERCE;

    private final WooCommerceDeliveryRepository deliveries;
    private final WooCommerceStoreRepository stores;
    private final WooCommerceClients clients;
    private final StoreIntegrations integrations;
    private final Catalog catalog;

    WooCommerceWebhookProcessor(WooCommerceDeliveryRepository deliveries, WooCommerceStoreRepository stores,
            WooCommerceClients clients, StoreIntegrations integrations, Catalog catalog) {
        this.deliveries = deliveries;
        this.stores = stores;
        this.clients = clients;
        this.integrations = integrations;
        this.catalog = catalog;
    }

    /** Without a transaction of its own: a variable product's variations are read from the store first. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WooCommerceWebhookReceived event) {
        deliveries.find(event.deliveryId()).filter(delivery -> !delivery.processed()).ifPresent(this::process);
    }

    private void process(Delivery delivery) {
        Optional<WooCommerceStore> store = stores.find(delivery.integrationId())
                .filter(s -> integrations.get(s.accountId(), s.integrationId()).connected());
        if (store.isPresent()) {
            JsonNode payload = JsonBodies.MAPPER.readTree(delivery.payload());
            switch (delivery.topic()) {
                case "product.deleted" -> catalog.removeProduct(delivery.accountId(), WOOCOMMERCE,
                        String.valueOf(delivery.resourceId()));
                case "product.created", "product.updated", "product.restored" -> product(store.get(), delivery,
                        payload);
                case "order.created", "order.updated" -> catalog.applyOrder(delivery.accountId(), WOOCOMMERCE,
                        WooCommerceMapping.order(JsonBodies.MAPPER.treeToValue(payload, WcOrder.class)),
                        modified(payload));
                default -> log.info("Ignoring WooCommerce topic {}", delivery.topic());
            }
        }
        deliveries.markProcessed(delivery.id());
    }

    private void product(WooCommerceStore store, Delivery delivery, JsonNode payload) {
        OffsetDateTime modified = modified(payload);
        if (deliveries.lastDeletion(delivery.integrationId(), delivery.resourceId())
                .filter(deleted -> modified.isBefore(deleted)).isPresent()) {
            log.info("Dropped {} of product {}: it is older than the product's deletion", delivery.topic(),
                    delivery.resourceId());
            return;
        }
        StoreClient client = clients.forStore(store.address(), store.consumerKey(), store.consumerSecret());
        WcProduct product = JsonBodies.MAPPER.treeToValue(payload, WcProduct.class);
        if ("variation".equals(product.type())) {
            // A variation changed alone: its product is read again, dated by the newer of the two.
            long parentId = payload.path("parent_id").asLong(0);
            if (parentId <= 0) {
                return;
            }
            WcProduct parent = client.product(parentId);
            OffsetDateTime parentModified = WooCommerceMapping.time(parent.dateModifiedGmt());
            apply(store, client, parent, parentModified == null || modified.isAfter(parentModified)
                    ? modified : parentModified);
        } else {
            apply(store, client, product, modified);
        }
    }

    private void apply(WooCommerceStore store, StoreClient client, WcProduct product, OffsetDateTime modified) {
        String externalId = String.valueOf(product.id());
        if (!"publish".equals(product.status())) {
            // Draft, pending, private or trash: out of the catalog, unless a newer state is already there.
            boolean newerHeld = catalog.product(store.accountId(), externalId)
                    .map(held -> held.updatedAt() != null && held.updatedAt().isAfter(modified)).orElse(false);
            if (!newerHeld) {
                catalog.removeProduct(store.accountId(), WOOCOMMERCE, externalId);
            }
            return;
        }
        List<WcVariation> variations = "variable".equals(product.type()) ? client.variations(product.id()) : List.of();
        Product mapped = dated(WooCommerceMapping.product(product, variations), modified);
        if (!catalog.applyProduct(store.accountId(), WOOCOMMERCE, mapped)) {
            log.info("Kept the newer state of WooCommerce product {} over a delivery dated {}", externalId, modified);
        }
    }

    /** The payload's {@code date_modified_gmt}, checked at intake. */
    private static OffsetDateTime modified(JsonNode payload) {
        OffsetDateTime time = WooCommerceMapping.time(payload.path("date_modified_gmt").asString(""));
        if (time == null) {
            throw new StoreUnavailableException("A WooCommerce delivery has no readable date_modified_gmt.");
        }
        return time;
    }

    private static Product dated(Product p, OffsetDateTime updatedAt) {
        return updatedAt.equals(p.updatedAt()) ? p : new Product(p.externalId(), p.handle(), p.title(),
                p.descriptionHtml(), p.vendor(), p.productType(), p.tags(), p.optionNames(), p.status(),
                p.published(), p.url(), p.imageUrl(), updatedAt, p.variants());
    }
}
