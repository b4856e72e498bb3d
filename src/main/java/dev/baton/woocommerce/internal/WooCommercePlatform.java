package dev.baton.woocommerce.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.Product;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.StorePlatform;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcProduct;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads a connected store for the catalog's sync through the REST API v3. Listings are read by page number in id
 * order; the cursor is the next page's number, so a stopped sync resumes at the page it had not finished.
 */
@Component
class WooCommercePlatform implements StorePlatform {

    private final WooCommerceStoreRepository stores;
    private final WooCommerceClients clients;
    private final WooCommercePolicies policies;
    private final Clock clock;

    WooCommercePlatform(WooCommerceStoreRepository stores, WooCommerceClients clients, WooCommercePolicies policies,
            Clock clock) {
        this.stores = stores;
        this.clients = clients;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public CatalogOrigin platform() {
        return CatalogOrigin.WOOCOMMERCE;
    }

    @Override
    public StoreInfo store(UUID integrationId) {
        StoreClient client = client(integrationId);
        return StoreDetails.of(client.address(), client.siteName(), client.generalSettings());
    }

    @Override
    public long countItems(UUID integrationId) {
        StoreClient client = client(integrationId);
        return client.productCount() + client.orderCount();
    }

    @Override
    public void products(UUID integrationId, String cursor, Consumer<Page<Product>> pages) {
        StoreClient client = client(integrationId);
        long page = cursor.isEmpty() ? 1 : Long.parseLong(cursor);
        StoreClient.Listing<WcProduct> listing;
        do {
            listing = client.products((int) page);
            List<Product> products = listing.items().stream().map(product -> product(client, product)).toList();
            page++;
            pages.accept(new Page<>(products, page <= listing.totalPages() ? String.valueOf(page) : ""));
        } while (page <= listing.totalPages());
    }

    @Override
    public List<Policy> policies(UUID integrationId) {
        WooCommerceStore store = keys(integrationId);
        return policies.duringSync(store, clients.forStore(store.address(), store.consumerKey(), store.consumerSecret()));
    }

    @Override
    public Page<Order> orders(UUID integrationId, String cursor) {
        int page = cursor.isEmpty() ? 1 : Integer.parseInt(cursor);
        StoreClient client = client(integrationId);
        StoreClient.Listing<WcOrder> listing = client.orders(page);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Page<>(listing.items().stream().map(order -> order(client, order, now)).toList(),
                page < listing.totalPages() ? String.valueOf(page + 1) : "");
    }

    /** The order, with the tracking in its notes when they are worth reading ({@link TrackingNotes}). */
    static Order order(StoreClient client, WcOrder order, OffsetDateTime now) {
        Order mapped = WooCommerceMapping.order(order);
        return TrackingNotes.worthReading(order, mapped, now)
                ? WooCommerceMapping.order(order, client.orderNotes(order.id())) : mapped;
    }

    /** A variable product's variations are read with it; other products need no other request. */
    static Product product(StoreClient client, WcProduct product) {
        return WooCommerceMapping.product(product,
                "variable".equals(product.type()) ? client.variations(product.id()) : List.of());
    }

    StoreClient client(UUID integrationId) {
        WooCommerceStore store = keys(integrationId);
        return clients.forStore(store.address(), store.consumerKey(), store.consumerSecret());
    }

    private WooCommerceStore keys(UUID integrationId) {
        return stores.find(integrationId).orElseThrow(() -> new StoreUnavailableException(
                "No WooCommerce keys are stored for integration " + integrationId + "; connect the store again."));
    }
}
