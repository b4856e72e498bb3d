package dev.baton.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** How store adapters fill the mirror. Each call replaces what the origin had for that kind of item. */
public interface Catalog {

    void updateStore(UUID accountId, CatalogOrigin origin, StoreInfo store);

    /** The store's whole product list: products missing from it are removed. */
    void replaceProducts(UUID accountId, CatalogOrigin origin, List<Product> products);

    void replacePolicies(UUID accountId, CatalogOrigin origin, List<Policy> policies);

    /** One policy, added or replaced; the others stay. */
    void upsertPolicy(UUID accountId, CatalogOrigin origin, Policy policy);

    void replaceOrders(UUID accountId, CatalogOrigin origin, List<Order> orders);

    /**
     * The readable text of a store item named in {@link CatalogChanged}: empty when shoppers can no longer see it
     * (deleted, drafted, unpublished).
     */
    Optional<SyncedDocument> document(UUID accountId, CatalogOrigin origin, String ref);
}
