package dev.baton.catalog;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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

    /**
     * Reads every product after {@code cursor} (empty: from the start) and hands them to {@code pages}, a page at a
     * time. Each page's {@code nextCursor} resumes the read right after that page; the caller saves it, so a read
     * that is stopped continues there. An adapter may hand over an empty page just to have a cursor saved (a store
     * export it started, for instance), and chooses how to read: pages of an API, or one bulk export.
     */
    void products(UUID integrationId, String cursor, Consumer<Page<Product>> pages);

    List<Policy> policies(UUID integrationId);

    Page<Order> orders(UUID integrationId, String cursor);

    /** One page of a store listing; {@code nextCursor} is empty on the last page. */
    record Page<T>(List<T> items, String nextCursor) {

        public boolean last() {
            return nextCursor.isEmpty();
        }
    }
}
