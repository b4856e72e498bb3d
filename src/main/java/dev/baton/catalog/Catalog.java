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

    /** One policy of the origin removed (the owner writes it by hand now); the others stay. */
    void removePolicy(UUID accountId, CatalogOrigin origin, PolicyType type);

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

    /**
     * What the store knows of a customer, found by email or by phone (digits compared, any formatting): how many
     * orders and how much they spent, across every origin. Nothing given or nothing found: zero orders.
     */
    CustomerHistory customerHistory(UUID accountId, String email, String phone);

    /** Deletes the orders of one customer, found by email or phone; answers how many. */
    int redactCustomer(UUID accountId, CatalogOrigin origin, String email, String phone);

    /**
     * The readable text of a store item named in {@link CatalogChanged}: empty when shoppers can no longer see it
     * (deleted, drafted, unpublished).
     */
    Optional<SyncedDocument> document(UUID accountId, CatalogOrigin origin, String ref);

    // --- What the agent looks up (read-only, one account) -------------------------------------------------------

    /**
     * Products a shopper can buy that match the words (title, type, tags, handle, SKU), most words matched first,
     * words in the title counting double.
     */
    List<Product> findProducts(UUID accountId, List<String> words, int limit);

    Optional<Product> product(UUID accountId, String externalId);

    /**
     * Every product a shopper can buy, with its variants: what the agent ranks by the shopper's constraints (budget,
     * category, "the cheapest"). At most {@link #SHOPPER_PRODUCTS_LIMIT}, the most recently updated first.
     */
    List<Product> shopperProducts(UUID accountId);

    /** How many products {@link #shopperProducts} reads at most. */
    int SHOPPER_PRODUCTS_LIMIT = 5_000;

    /**
     * The order with this number ("1001" or "#1001"), only when the email or the phone given is the order's own:
     * an order number alone never reveals an order.
     */
    Optional<Order> orderForContact(UUID accountId, String orderNumber, String email, String phone);

    Optional<Policy> policy(UUID accountId, PolicyType type);

    /**
     * How the store writes prices: for a variant, its price as shoppers read it, in the account's currency
     * ("$139.00 (on sale, was $159.00)"). The store's currency and format are read once, when this is called, so a
     * reply showing many prices reads them once.
     */
    java.util.function.Function<Variant, String> priceTexts(UUID accountId);

    /** A variant's stock as shoppers read it ("in stock (4 available)", "out of stock"). */
    String stockText(Variant variant);
}
