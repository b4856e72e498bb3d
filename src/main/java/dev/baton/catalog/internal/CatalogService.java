package dev.baton.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.account.Accounts;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.CatalogChanged;
import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.Product;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.SyncedDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import dev.baton.catalog.Variant;
import dev.baton.catalog.PolicyType;
import java.util.Locale;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Saves store data and announces the readable text of what shoppers can see, in batches. */
@Service
class CatalogService implements Catalog {

    /** Products looked at for one search before they are ranked. */
    private static final int CANDIDATES = 200;

    /** Keeps each stored event publication small, whatever the size of the catalog. */
    static final int EVENT_BATCH = 100;
    private static final String PRODUCT = "product:";
    private static final String POLICY = "policy:";

    /**
     * Products already read, by row id. Every agent turn asks for the store's products; reading their descriptions
     * again each time took a fifth of an offline turn. A row id is one version of a product (a save stores new rows),
     * so what is kept never goes stale, and each node keeps its own.
     */
    static final long PRODUCT_ROWS_BYTES = 64L * 1024 * 1024;

    private final Cache<UUID, Product> productRows = Caffeine.newBuilder().maximumWeight(PRODUCT_ROWS_BYTES)
            .weigher((UUID id, Product product) -> approximateBytes(product)).build();
    private final CatalogRepository catalog;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    CatalogService(CatalogRepository catalog, Accounts accounts, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    @Transactional
    public void updateStore(UUID accountId, CatalogOrigin origin, StoreInfo store) {
        catalog.saveStore(accountId, origin, store);
        accounts.updateCurrency(accountId, store.currency());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> storeUrl(UUID accountId) {
        return catalog.storeUrl(accountId);
    }

    @Override
    @Transactional
    public void replaceProducts(UUID accountId, CatalogOrigin origin, List<Product> products) {
        Set<String> gone = new HashSet<>(catalog.productIds(accountId, origin));
        List<String> refs = new ArrayList<>();
        for (Product product : products) {
            gone.remove(product.externalId());
            catalog.saveProduct(accountId, origin, product, null);
            refs.add(productRef(product.externalId()));
        }
        for (String externalId : gone) {
            catalog.deleteProduct(accountId, origin, externalId);
            refs.add(productRef(externalId));
        }
        publish(accountId, origin, refs);
    }

    /** One page of a sync: products saved and stamped as seen by the sync that started at {@code syncedAt}. */
    @Transactional
    public void upsertProducts(UUID accountId, CatalogOrigin origin, List<Product> products, OffsetDateTime syncedAt) {
        Map<String, OffsetDateTime> stored = catalog.productUpdatedAts(accountId, origin,
                products.stream().map(Product::externalId).toList());
        List<String> refs = new ArrayList<>();
        for (Product product : products) {
            OffsetDateTime storedUpdatedAt = stored.get(product.externalId());
            if (storedUpdatedAt != null && product.updatedAt().isBefore(storedUpdatedAt)) {
                // A webhook brought a newer version while this sync's read (a bulk export can be minutes old) was
                // on its way: keep the newer one, and count the product as seen so the cleanup keeps it.
                catalog.markProductSynced(accountId, origin, product.externalId(), syncedAt);
                continue;
            }
            catalog.saveProduct(accountId, origin, product, syncedAt);
            refs.add(productRef(product.externalId()));
        }
        publish(accountId, origin, refs);
    }

    /** After a full sync: what the store no longer has is removed here too. */
    @Transactional
    public void removeProductsNotSyncedSince(UUID accountId, CatalogOrigin origin, OffsetDateTime syncStartedAt) {
        List<String> gone = catalog.productIdsNotSyncedSince(accountId, origin, syncStartedAt);
        gone.forEach(externalId -> catalog.deleteProduct(accountId, origin, externalId));
        publish(accountId, origin, gone.stream().map(CatalogService::productRef).toList());
    }

    @Transactional
    public void upsertOrders(UUID accountId, CatalogOrigin origin, List<Order> orders) {
        for (Order order : orders) {
            catalog.deleteOrder(accountId, origin, order.externalId());
            catalog.saveOrder(accountId, origin, order);
        }
    }

    @Override
    @Transactional
    public void replacePolicies(UUID accountId, CatalogOrigin origin, List<Policy> policies) {
        Set<String> refs = new LinkedHashSet<>();
        catalog.policyTypes(accountId, origin).forEach(type -> refs.add(policyRef(type)));
        catalog.deletePolicies(accountId, origin);
        for (Policy policy : policies) {
            catalog.savePolicy(accountId, origin, policy);
            refs.add(policyRef(policy.type().name()));
        }
        publish(accountId, origin, List.copyOf(refs));
    }

    @Override
    @Transactional
    public void upsertPolicy(UUID accountId, CatalogOrigin origin, Policy policy) {
        catalog.deletePolicy(accountId, origin, policy.type().name());
        catalog.savePolicy(accountId, origin, policy);
        publish(accountId, origin, List.of(policyRef(policy.type().name())));
    }

    @Override
    @Transactional
    public void removePolicy(UUID accountId, CatalogOrigin origin, PolicyType type) {
        catalog.deletePolicy(accountId, origin, type.name());
        publish(accountId, origin, List.of(policyRef(type.name())));
    }

    @Override
    @Transactional
    public void replaceOrders(UUID accountId, CatalogOrigin origin, List<Order> orders) {
        catalog.deleteOrders(accountId, origin);
        orders.forEach(order -> catalog.saveOrder(accountId, origin, order));
    }

    @Override
    @Transactional
    public boolean applyProduct(UUID accountId, CatalogOrigin origin, Product product) {
        Optional<OffsetDateTime> stored = catalog.productUpdatedAt(accountId, origin, product.externalId());
        if (stored.isPresent() && product.updatedAt().isBefore(stored.get())) {
            return false;
        }
        catalog.saveProduct(accountId, origin, product, catalog.productSyncedAt(accountId, origin, product.externalId())
                .orElse(null));
        publish(accountId, origin, List.of(productRef(product.externalId())));
        return true;
    }

    @Override
    @Transactional
    public void removeProduct(UUID accountId, CatalogOrigin origin, String externalId) {
        catalog.deleteProduct(accountId, origin, externalId);
        publish(accountId, origin, List.of(productRef(externalId)));
    }

    @Override
    @Transactional
    public boolean applyOrder(UUID accountId, CatalogOrigin origin, Order order, OffsetDateTime storeUpdatedAt) {
        Optional<OffsetDateTime> stored = catalog.orderUpdatedAt(accountId, origin, order.externalId());
        if (stored.isPresent() && storeUpdatedAt.isBefore(stored.get())) {
            return false;
        }
        catalog.deleteOrder(accountId, origin, order.externalId());
        catalog.saveOrder(accountId, origin, order);
        catalog.setOrderUpdatedAt(accountId, origin, order.externalId(), storeUpdatedAt);
        return true;
    }

    @Override
    @Transactional
    public void eraseOrigin(UUID accountId, CatalogOrigin origin) {
        List<String> refs = new ArrayList<>();
        catalog.productIds(accountId, origin).forEach(id -> refs.add(productRef(id)));
        catalog.policyTypes(accountId, origin).forEach(type -> refs.add(policyRef(type)));
        catalog.eraseOrigin(accountId, origin);
        publish(accountId, origin, refs);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Order> ordersOf(UUID accountId, CatalogOrigin origin, String email, String phone) {
        return catalog.ordersOf(accountId, origin, email, phone);
    }

    @Override
    @Transactional(readOnly = true)
    public dev.baton.catalog.CustomerHistory customerHistory(UUID accountId, String email, String phone) {
        return catalog.customerHistory(accountId, email, phone);
    }

    @Override
    @Transactional
    public int redactCustomer(UUID accountId, CatalogOrigin origin, String email, String phone) {
        return catalog.deleteOrdersOf(accountId, origin, email, phone);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SyncedDocument> document(UUID accountId, CatalogOrigin origin, String ref) {
        if (ref.startsWith(PRODUCT)) {
            return catalog.findProduct(accountId, origin, ref.substring(PRODUCT.length()))
                    .filter(Product::visibleToShoppers)
                    .map(product -> new SyncedDocument(ref, product.title(),
                            ProductText.describe(product, currency(accountId), priceFormat(accountId))));
        }
        if (ref.startsWith(POLICY)) {
            return catalog.findPolicy(accountId, origin, ref.substring(POLICY.length()))
                    .map(policy -> new SyncedDocument(ref, policy.title(), policy.body()));
        }
        return Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Product> findProducts(UUID accountId, List<String> words, int limit) {
        List<String> lower = words.stream().map(word -> word.toLowerCase(Locale.ROOT)).filter(word -> !word.isBlank())
                .distinct().toList();
        record Scored(String externalId, int score) {
        }
        List<Scored> ranked = catalog.findVisibleProductCandidates(accountId, lower, CANDIDATES).stream()
                .map(row -> {
                    String title = row[1].toLowerCase(Locale.ROOT);
                    String other = row[2].toLowerCase(Locale.ROOT);
                    int score = 0;
                    for (String word : lower) {
                        score += title.contains(word) ? 2 : other.contains(word) ? 1 : 0;
                    }
                    // A SKU match scores nothing here but still made the product a candidate: it ranks last but one.
                    return new Scored(row[0], score);
                })
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .limit(limit)
                .toList();
        return ranked.stream().map(scored -> catalog.findProduct(accountId, scored.externalId()))
                .flatMap(Optional::stream).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Product> product(UUID accountId, String externalId) {
        return catalog.findProduct(accountId, externalId).filter(Product::visibleToShoppers);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Product> shopperProducts(UUID accountId) {
        List<UUID> rowIds = catalog.findVisibleProductRowIds(accountId, SHOPPER_PRODUCTS_LIMIT);
        Map<UUID, Product> read = productRows.getAll(rowIds, missing -> catalog.findProductsByRowIds(List.copyOf(missing)));
        return rowIds.stream().map(read::get).filter(Objects::nonNull).toList();
    }

    /** About what a product takes in memory: its texts (two bytes a character at most) and its variants. */
    private static int approximateBytes(Product product) {
        long chars = length(product.title()) + length(product.descriptionHtml()) + length(product.url())
                + length(product.imageUrl()) + String.join("", product.tags()).length();
        return (int) Math.min(Integer.MAX_VALUE, 512 + 2 * chars + 256L * product.variants().size());
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Order> orderForContact(UUID accountId, String orderNumber, String email, String phone) {
        String digits = orderNumber == null ? "" : orderNumber.replaceAll("[^0-9A-Za-z-]", "");
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && phone.replaceAll("\\D", "").length() >= 6;
        if (digits.isEmpty() || (!hasEmail && !hasPhone)) {
            return Optional.empty();
        }
        return catalog.findOrderByName(accountId, "#" + digits)
                .or(() -> catalog.findOrderByName(accountId, digits))
                .filter(order -> (hasEmail && order.email() != null && order.email().equalsIgnoreCase(email.strip()))
                        || (hasPhone && order.phone() != null && samePhone(order.phone(), phone)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Policy> policy(UUID accountId, PolicyType type) {
        return catalog.findPolicy(accountId, type.name());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.function.Function<Variant, String> priceTexts(UUID accountId) {
        String currency = currency(accountId);
        PriceFormat format = priceFormat(accountId);
        return variant -> ProductText.priceOf(variant, currency, format);
    }

    @Override
    public String stockText(Variant variant) {
        return ProductText.stockOf(variant);
    }

    /** Phone numbers match on their last 9 digits: "+1 303-555-0142" is "(303) 555 0142". */
    private static boolean samePhone(String stored, String given) {
        String a = stored.replaceAll("\\D", "");
        String b = given.replaceAll("\\D", "");
        int tail = Math.min(9, Math.min(a.length(), b.length()));
        return tail >= 6 && a.endsWith(b.substring(b.length() - tail)) && b.endsWith(a.substring(a.length() - tail));
    }

    private String currency(UUID accountId) {
        return catalog.currency(accountId).orElseGet(() -> accounts.settings(accountId).currency());
    }

    private PriceFormat priceFormat(UUID accountId) {
        return catalog.priceFormat(accountId).orElse(PriceFormat.STANDARD);
    }

    private void publish(UUID accountId, CatalogOrigin origin, List<String> refs) {
        for (int from = 0; from < refs.size(); from += EVENT_BATCH) {
            List<String> batch = List.copyOf(refs.subList(from, Math.min(from + EVENT_BATCH, refs.size())));
            events.publishEvent(new CatalogChanged(accountId, origin, batch));
        }
    }

    static String productRef(String externalId) {
        return PRODUCT + externalId;
    }

    static String policyRef(String type) {
        return POLICY + type;
    }
}
