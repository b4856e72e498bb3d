package dev.baton.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The port a store platform adapter (Shopify, WooCommerce) implements: everything a sync reads from a store, for
 * one connected integration. Adapters map their wire types to these records at the edge, pace themselves to the
 * platform's rate limits, and retry what is worth retrying; a failure they give up on is a
 * {@link StoreUnavailableException}.
 */
public interface StorePlatform {

    CatalogOrigin platform();

    StoreInfo store(UUID integrationId);

    /** How many products and orders a full sync will read, for its progress bar. */
    long countItems(UUID integrationId);

    /** One page of products after {@code cursor} (empty for the first page). */
    Page<Product> products(UUID integrationId, String cursor);

    List<Policy> policies(UUID integrationId);

    Page<Order> orders(UUID integrationId, String cursor);

    /** One page of a store listing; {@code nextCursor} is empty on the last page. */
    record Page<T>(List<T> items, String nextCursor) {

        public boolean last() {
            return nextCursor.isEmpty();
        }
    }
}
