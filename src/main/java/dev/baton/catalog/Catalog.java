package dev.baton.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** How store adapters fill the mirror. Each call replaces what the origin had for that kind of item. */
public interface Catalog {

    void updateStore(UUID accountId, CatalogOrigin origin, StoreInfo store);

    /** The connected store's own address, for product links; empty before the first sync. */
    Optional<String> storeUrl(UUID accountId);

    /** The store's whole product list: products missing from it are removed. */
    void replaceProducts(UUID accountId, CatalogOrigin origin, List<Product> products);

    void replacePolicies(UUID accountId, CatalogOrigin origin, List<Policy> policies);

    /** One policy, added or replaced; the others stay. */
    void upsertPolicy(UUID accountId, CatalogOrigin origin, Policy policy);

    void replaceOrders(UUID accountId, CatalogOrigin origin, List<Order> orders);

    /**
     * One product as a webhook reports it: saved unless the catalog already holds a newer state of it (stores do
     * not guarantee delivery order). Answers whether it was saved.
     */
    boolean applyProduct(UUID accountId, CatalogOrigin origin, Product product);

    void removeProduct(UUID accountId, CatalogOrigin origin, String externalId);

    /** One order as a webhook reports it, unless a newer state of it is already stored. */
    boolean applyOrder(UUID accountId, CatalogOrigin origin, Order order, java.time.OffsetDateTime storeUpdatedAt);

    /** Deletes everything the origin brought into the account (a store's data-erasure request). */
    void eraseOrigin(UUID accountId, CatalogOrigin origin);

    /** The orders of one customer, found by email or phone (a customer's request for their data). */
    List<Order> ordersOf(UUID accountId, CatalogOrigin origin, String email, String phone);

    /** Deletes the orders of one customer, found by email or phone; answers how many. */
    int redactCustomer(UUID accountId, CatalogOrigin origin, String email, String phone);

    /**
     * The readable text of a store item named in {@link CatalogChanged}: empty when shoppers can no longer see it
     * (deleted, drafted, unpublished).
     */
    Optional<SyncedDocument> document(UUID accountId, CatalogOrigin origin, String ref);
}
