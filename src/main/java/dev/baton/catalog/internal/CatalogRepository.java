package dev.baton.catalog.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PriceFormat;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.Variant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

@Repository
class CatalogRepository {

    /** Row ids in one {@code in (...)} list, well under what PostgreSQL and H2 take as parameters. */
    private static final int ROWS_PER_QUERY = 1_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CatalogRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void saveStore(UUID accountId, CatalogOrigin origin, StoreInfo store) {
        jdbc.sql("delete from catalog_store where account_id = :account").param("account", accountId).update();
        jdbc.sql("""
                insert into catalog_store (account_id, origin, name, currency, email, url, price_symbol_position,
                    price_thousand_separator, price_decimal_separator, price_decimals, updated_at)
                values (:account, :origin, :name, :currency, :email, :url, :position, :thousands, :decimal, :decimals,
                    :now)""")
                .param("account", accountId).param("origin", origin.name()).param("name", store.name())
                .param("currency", store.currency()).param("email", store.email()).param("url", store.url())
                .param("position", store.priceFormat().symbolPosition().name())
                .param("thousands", store.priceFormat().thousandSeparator())
                .param("decimal", store.priceFormat().decimalSeparator())
                .param("decimals", store.priceFormat().decimals())
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** Stores saved before prices had a format (no position) write them the standard way. */
    Optional<PriceFormat> priceFormat(UUID accountId) {
        return jdbc.sql("""
                select price_symbol_position, price_thousand_separator, price_decimal_separator, price_decimals
                from catalog_store where account_id = :account""")
                .param("account", accountId)
                .query((rs, n) -> rs.getString("price_symbol_position") == null ? PriceFormat.STANDARD
                        : new PriceFormat(PriceFormat.SymbolPosition.of(rs.getString("price_symbol_position")),
                                rs.getString("price_thousand_separator"), rs.getString("price_decimal_separator"),
                                rs.getInt("price_decimals")))
                .optional();
    }

    Optional<String> currency(UUID accountId) {
        return jdbc.sql("select currency from catalog_store where account_id = :account")
                .param("account", accountId).query(String.class).optional();
    }

    Optional<String> storeUrl(UUID accountId) {
        return jdbc.sql("select url from catalog_store where account_id = :account")
                .param("account", accountId).query(String.class).optional().filter(url -> !url.isBlank());
    }

    List<String> productIds(UUID accountId, CatalogOrigin origin) {
        return jdbc.sql("select external_id from catalog_product where account_id = :account and origin = :origin")
                .param("account", accountId).param("origin", origin.name()).query(String.class).list();
    }

    /** {@code syncedAt}: the start of the sync that saw it, or null for a file import. */
    void saveProduct(UUID accountId, CatalogOrigin origin, Product product, OffsetDateTime syncedAt) {
        deleteProduct(accountId, origin, product.externalId());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into catalog_product (id, account_id, origin, external_id, handle, title, description, vendor,
                    product_type, tags, option_names, status, published, url, image_url, updated_at, synced_at)
                values (:id, :account, :origin, :externalId, :handle, :title, :description, :vendor, :type, :tags,
                    :options, :status, :published, :url, :imageUrl, :updatedAt, :syncedAt)""")
                .param("id", id).param("account", accountId).param("origin", origin.name())
                .param("externalId", product.externalId()).param("handle", product.handle())
                .param("title", product.title()).param("description", product.descriptionHtml())
                .param("vendor", product.vendor()).param("type", product.productType())
                .param("tags", String.join(", ", product.tags())).param("options", String.join(", ", product.optionNames()))
                .param("status", product.status().name()).param("published", product.published())
                .param("url", product.url()).param("imageUrl", product.imageUrl())
                .param("updatedAt", product.updatedAt()).param("syncedAt", syncedAt)
                .update();
        int position = 0;
        for (Variant variant : product.variants()) {
            List<String> options = variant.optionValues();
            jdbc.sql("""
                    insert into catalog_variant (id, product_id, account_id, position, title, option1, option2, option3,
                        sku, price, compare_at_price, inventory_tracked, inventory_quantity, continue_selling, weight_grams)
                    values (:id, :product, :account, :position, :title, :o1, :o2, :o3, :sku, :price, :compareAt,
                        :tracked, :quantity, :continueSelling, :weight)""")
                    .param("id", UUID.randomUUID()).param("product", id).param("account", accountId)
                    .param("position", position++).param("title", variant.title())
                    .param("o1", option(options, 0)).param("o2", option(options, 1)).param("o3", option(options, 2))
                    .param("sku", variant.sku()).param("price", variant.price())
                    .param("compareAt", variant.compareAtPrice()).param("tracked", variant.inventoryTracked())
                    .param("quantity", variant.inventoryQuantity())
                    .param("continueSelling", variant.continueSellingWhenOutOfStock())
                    .param("weight", variant.weightGrams())
                    .update();
        }
    }

    void deleteProduct(UUID accountId, CatalogOrigin origin, String externalId) {
        jdbc.sql("delete from catalog_product where account_id = :account and origin = :origin and external_id = :id")
                .param("account", accountId).param("origin", origin.name()).param("id", externalId).update();
    }

    List<String> productIdsNotSyncedSince(UUID accountId, CatalogOrigin origin, OffsetDateTime since) {
        return jdbc.sql("""
                select external_id from catalog_product
                where account_id = :account and origin = :origin and (synced_at is null or synced_at < :since)""")
                .param("account", accountId).param("origin", origin.name()).param("since", since)
                .query(String.class).list();
    }

    Optional<OffsetDateTime> productUpdatedAt(UUID accountId, CatalogOrigin origin, String externalId) {
        return jdbc.sql("select updated_at from catalog_product where account_id = :account and origin = :origin and external_id = :id")
                .param("account", accountId).param("origin", origin.name()).param("id", externalId)
                .query(OffsetDateTime.class).optional();
    }

    /** The stored {@code updated_at} of those of the products that are stored. */
    Map<String, OffsetDateTime> productUpdatedAts(UUID accountId, CatalogOrigin origin, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        Map<String, OffsetDateTime> updatedAts = new HashMap<>();
        jdbc.sql("""
                select external_id, updated_at from catalog_product
                where account_id = :account and origin = :origin and external_id in (:ids)""")
                .param("account", accountId).param("origin", origin.name()).param("ids", externalIds)
                .query(rs -> {
                    updatedAts.put(rs.getString("external_id"), rs.getObject("updated_at", OffsetDateTime.class));
                });
        return updatedAts;
    }

    void markProductSynced(UUID accountId, CatalogOrigin origin, String externalId, OffsetDateTime syncedAt) {
        jdbc.sql("update catalog_product set synced_at = :at where account_id = :account and origin = :origin and external_id = :id")
                .param("at", syncedAt).param("account", accountId).param("origin", origin.name()).param("id", externalId)
                .update();
    }

    Optional<OffsetDateTime> productSyncedAt(UUID accountId, CatalogOrigin origin, String externalId) {
        return jdbc.sql("select synced_at from catalog_product where account_id = :account and origin = :origin and external_id = :id")
                .param("account", accountId).param("origin", origin.name()).param("id", externalId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("synced_at", OffsetDateTime.class)))
                .optional().flatMap(value -> value);
    }

    Optional<OffsetDateTime> orderUpdatedAt(UUID accountId, CatalogOrigin origin, String externalId) {
        return jdbc.sql("select store_updated_at from catalog_order where account_id = :account and origin = :origin and external_id = :id")
                .param("account", accountId).param("origin", origin.name()).param("id", externalId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("store_updated_at", OffsetDateTime.class)))
                .optional().flatMap(value -> value);
    }

    void setOrderUpdatedAt(UUID accountId, CatalogOrigin origin, String externalId, OffsetDateTime storeUpdatedAt) {
        jdbc.sql("update catalog_order set store_updated_at = :at where account_id = :account and origin = :origin and external_id = :id")
                .param("at", storeUpdatedAt).param("account", accountId).param("origin", origin.name())
                .param("id", externalId).update();
    }

    void eraseOrigin(UUID accountId, CatalogOrigin origin) {
        for (String table : List.of("catalog_product", "catalog_policy", "catalog_order")) {
            jdbc.sql("delete from " + table + " where account_id = :account and origin = :origin")
                    .param("account", accountId).param("origin", origin.name()).update();
        }
        jdbc.sql("delete from catalog_store where account_id = :account and origin = :origin")
                .param("account", accountId).param("origin", origin.name()).update();
    }

    int deleteOrdersOf(UUID accountId, CatalogOrigin origin, String email, String phone) {
        return customerOrders("delete from catalog_order", accountId, origin, email, phone)
                .map(statement -> statement.update()).orElse(0);
    }

    List<Order> ordersOf(UUID accountId, CatalogOrigin origin, String email, String phone) {
        return customerOrders("""
                select external_id, name, email, phone, placed_at, financial_status, fulfillment_status, currency,
                    total_price, line_items, fulfillments, shipping_methods from catalog_order""",
                accountId, origin, email, phone)
                .map(statement -> statement.query(this::order)
                        .list())
                .orElse(List.of());
    }

    /**
     * A customer's order count and spend: orders whose email matches (any case) or whose phone has the same digits.
     * Phones are stored as the store formats them, so the database narrows by the last digits and Java compares.
     */
    dev.baton.catalog.CustomerHistory customerHistory(UUID accountId, String email, String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        boolean byEmail = email != null && !email.isBlank();
        boolean byPhone = digits.length() >= 6;
        if (!byEmail && !byPhone) {
            return dev.baton.catalog.CustomerHistory.none();
        }
        String tail = byPhone ? digits.substring(digits.length() - 6) : "";
        List<java.math.BigDecimal> totals = jdbc.sql("""
                select email, phone, total_price from catalog_order where account_id = :account
                and (lower(email) = lower(:email) or phone like :tail)""")
                .param("account", accountId).param("email", byEmail ? email.strip() : "")
                .param("tail", byPhone ? "%" + tail : "")
                .query((rs, n) -> {
                    boolean emailMatches = byEmail && email.strip().equalsIgnoreCase(rs.getString("email"));
                    String stored = rs.getString("phone") == null ? "" : rs.getString("phone").replaceAll("[^0-9]", "");
                    boolean phoneMatches = byPhone && !stored.isEmpty()
                            && (stored.endsWith(digits) || digits.endsWith(stored)) && Math.min(stored.length(), digits.length()) >= 7;
                    return emailMatches || phoneMatches ? rs.getBigDecimal("total_price") : null;
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
        return new dev.baton.catalog.CustomerHistory(totals.size(),
                totals.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }

    /** The statement restricted to one customer's orders, by email or phone; empty when neither is given. */
    private Optional<JdbcClient.StatementSpec> customerOrders(String statement, UUID accountId, CatalogOrigin origin,
            String email, String phone) {
        boolean byEmail = email != null && !email.isBlank();
        boolean byPhone = phone != null && !phone.isBlank();
        if (!byEmail && !byPhone) {
            return Optional.empty();
        }
        List<String> matches = new java.util.ArrayList<>();
        if (byEmail) {
            matches.add("lower(email) = lower(:email)");
        }
        if (byPhone) {
            matches.add("phone = :phone");
        }
        JdbcClient.StatementSpec spec = jdbc.sql(statement + " where account_id = :account and origin = :origin and ("
                        + String.join(" or ", matches) + ")")
                .param("account", accountId).param("origin", origin.name());
        if (byEmail) {
            spec = spec.param("email", email);
        }
        if (byPhone) {
            spec = spec.param("phone", phone);
        }
        return Optional.of(spec);
    }

    void deleteOrder(UUID accountId, CatalogOrigin origin, String externalId) {
        jdbc.sql("delete from catalog_order where account_id = :account and origin = :origin and external_id = :id")
                .param("account", accountId).param("origin", origin.name()).param("id", externalId).update();
    }

    List<String> policyTypes(UUID accountId, CatalogOrigin origin) {
        return jdbc.sql("select type from catalog_policy where account_id = :account and origin = :origin")
                .param("account", accountId).param("origin", origin.name()).query(String.class).list();
    }

    void deletePolicies(UUID accountId, CatalogOrigin origin) {
        jdbc.sql("delete from catalog_policy where account_id = :account and origin = :origin")
                .param("account", accountId).param("origin", origin.name()).update();
    }

    void deletePolicy(UUID accountId, CatalogOrigin origin, String type) {
        jdbc.sql("delete from catalog_policy where account_id = :account and origin = :origin and type = :type")
                .param("account", accountId).param("origin", origin.name()).param("type", type).update();
    }

    void savePolicy(UUID accountId, CatalogOrigin origin, Policy policy) {
        jdbc.sql("""
                insert into catalog_policy (id, account_id, origin, type, title, body, url, updated_at)
                values (:id, :account, :origin, :type, :title, :body, :url, :updatedAt)""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("origin", origin.name())
                .param("type", policy.type().name()).param("title", policy.title()).param("body", policy.body())
                .param("url", policy.url()).param("updatedAt", policy.updatedAt())
                .update();
    }

    void deleteOrders(UUID accountId, CatalogOrigin origin) {
        jdbc.sql("delete from catalog_order where account_id = :account and origin = :origin")
                .param("account", accountId).param("origin", origin.name()).update();
    }

    void saveOrder(UUID accountId, CatalogOrigin origin, Order order) {
        jdbc.sql("""
                insert into catalog_order (id, account_id, origin, external_id, name, email, phone, placed_at,
                    financial_status, fulfillment_status, currency, total_price, line_items, fulfillments,
                    shipping_methods, updated_at)
                values (:id, :account, :origin, :externalId, :name, :email, :phone, :placedAt, :financial,
                    :fulfillment, :currency, :total, :lineItems, :fulfillments, :shippingMethods, :now)""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("origin", origin.name())
                .param("externalId", order.externalId()).param("name", order.name()).param("email", order.email())
                .param("phone", order.phone()).param("placedAt", order.createdAt())
                .param("financial", order.financialStatus()).param("fulfillment", order.fulfillmentStatus())
                .param("currency", order.currency()).param("total", order.totalPrice())
                .param("lineItems", json.writeValueAsString(order.lineItems()))
                .param("fulfillments", json.writeValueAsString(order.fulfillments()))
                .param("shippingMethods", json.writeValueAsString(order.shippingMethods()))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    long countOrders(UUID accountId) {
        return jdbc.sql("select count(*) from catalog_order where account_id = :account")
                .param("account", accountId).query(Long.class).single();
    }

    Optional<Product> findProduct(UUID accountId, CatalogOrigin origin, String externalId) {
        return jdbc.sql("""
                select id, external_id, handle, title, description, vendor, product_type, tags, option_names, status,
                    published, url, image_url, updated_at
                from catalog_product where account_id = :account and origin = :origin and external_id = :id""")
                .param("account", accountId).param("origin", origin.name()).param("id", externalId)
                .query((rs, n) -> product(rs, variants(rs.getObject("id", UUID.class))))
                .optional();
    }

    /**
     * The row ids of the products shoppers can see, the most recently updated first. A row id names one version of a
     * product: saving a product replaces its rows under a new id, so a product read by its row id never goes stale.
     */
    List<UUID> findVisibleProductRowIds(UUID accountId, int limit) {
        return jdbc.sql("""
                select id from catalog_product where account_id = :account and status = 'ACTIVE' and published
                order by updated_at desc, external_id limit :limit""")
                .param("account", accountId).param("limit", limit)
                .query(UUID.class).list();
    }

    /** The products (with their variants) stored under these row ids, by row id; ids no longer stored are left out. */
    Map<UUID, Product> findProductsByRowIds(List<UUID> rowIds) {
        Map<UUID, Product> found = new HashMap<>();
        for (int from = 0; from < rowIds.size(); from += ROWS_PER_QUERY) {
            List<UUID> ids = rowIds.subList(from, Math.min(rowIds.size(), from + ROWS_PER_QUERY));
            Map<UUID, List<Variant>> variants = new HashMap<>();
            jdbc.sql("""
                    select product_id, title, option1, option2, option3, sku, price, compare_at_price,
                        inventory_quantity, continue_selling, weight_grams
                    from catalog_variant where product_id in (:ids) order by product_id, position""")
                    .param("ids", ids)
                    .query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), variant(rs)))
                    .list()
                    .forEach(entry -> variants.computeIfAbsent(entry.getKey(), key -> new java.util.ArrayList<>())
                            .add(entry.getValue()));
            jdbc.sql("""
                    select id, external_id, handle, title, description, vendor, product_type, tags, option_names, status,
                        published, url, image_url, updated_at
                    from catalog_product where id in (:ids)""")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        UUID id = rs.getObject("id", UUID.class);
                        return Map.entry(id, product(rs, variants.getOrDefault(id, List.of())));
                    })
                    .list()
                    .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        }
        return found;
    }

    private Product product(java.sql.ResultSet rs, List<Variant> variants) throws java.sql.SQLException {
        return new Product(rs.getString("external_id"), rs.getString("handle"),
                rs.getString("title"), rs.getString("description"), rs.getString("vendor"),
                rs.getString("product_type"), list(rs.getString("tags")), list(rs.getString("option_names")),
                ProductStatus.valueOf(rs.getString("status")), rs.getBoolean("published"), rs.getString("url"),
                rs.getString("image_url"), rs.getObject("updated_at", OffsetDateTime.class), variants);
    }

    /** Any origin: an account has one store at a time, and lookups do not care where it came from. */
    Optional<Product> findProduct(UUID accountId, String externalId) {
        return jdbc.sql("select origin from catalog_product where account_id = :account and external_id = :id limit 1")
                .param("account", accountId).param("id", externalId).query(String.class).optional()
                .flatMap(origin -> findProduct(accountId, CatalogOrigin.valueOf(origin), externalId));
    }

    /**
     * Products shoppers can see with at least one of the words in their title, type, tags, handle or a variant's SKU,
     * as (external id, the text that was matched) pairs; at most {@code limit} candidates.
     */
    List<String[]> findVisibleProductCandidates(UUID accountId, List<String> words, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder any = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String param = "w" + i;
            params.put(param, "%" + words.get(i).toLowerCase(java.util.Locale.ROOT) + "%");
            any.append(i == 0 ? "" : " or ").append("""
                    lower(p.title) like :%1$s or lower(p.product_type) like :%1$s or lower(p.tags) like :%1$s
                    or lower(p.handle) like :%1$s
                    or exists (select 1 from catalog_variant v where v.product_id = p.id and lower(v.sku) like :%1$s)"""
                    .formatted(param));
        }
        return jdbc.sql("select p.external_id, p.title, p.product_type, p.tags, p.handle from catalog_product p "
                        + "where p.account_id = :account and p.status = 'ACTIVE' and p.published and (" + any + ") "
                        + "limit :limit")
                .param("account", accountId).params(params).param("limit", limit)
                .query((rs, n) -> new String[] {rs.getString("external_id"), rs.getString("title"),
                        String.join(" ", Objects.toString(rs.getString("product_type"), ""),
                                Objects.toString(rs.getString("tags"), ""), Objects.toString(rs.getString("handle"), ""))})
                .list();
    }

    /** The order with this name ("#1001"), of any origin. */
    Optional<Order> findOrderByName(UUID accountId, String name) {
        return jdbc.sql("""
                select external_id, name, email, phone, placed_at, financial_status, fulfillment_status, currency,
                    total_price, line_items, fulfillments, shipping_methods
                from catalog_order where account_id = :account and name = :name
                limit 1""")
                .param("account", accountId).param("name", name)
                .query(this::order)
                .optional();
    }

    Optional<Policy> findPolicy(UUID accountId, String type) {
        return jdbc.sql("select origin from catalog_policy where account_id = :account and type = :type limit 1")
                .param("account", accountId).param("type", type).query(String.class).optional()
                .flatMap(origin -> findPolicy(accountId, CatalogOrigin.valueOf(origin), type));
    }

    private Order order(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Order(rs.getString("external_id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
                rs.getObject("placed_at", OffsetDateTime.class), rs.getString("financial_status"),
                rs.getString("fulfillment_status"), rs.getString("currency"), rs.getBigDecimal("total_price"),
                json.readValue(rs.getString("line_items"), new TypeReference<List<Order.LineItem>>() { }),
                json.readValue(rs.getString("fulfillments"), new TypeReference<List<Order.Fulfillment>>() { }),
                rs.getString("shipping_methods") == null ? List.of()
                        : json.readValue(rs.getString("shipping_methods"), new TypeReference<List<String>>() { }));
    }

    private List<Variant> variants(UUID productId) {
        return jdbc.sql("""
                select title, option1, option2, option3, sku, price, compare_at_price, inventory_quantity,
                    continue_selling, weight_grams
                from catalog_variant where product_id = :product order by position""")
                .param("product", productId)
                .query((rs, n) -> variant(rs))
                .list();
    }

    private static Variant variant(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Variant(rs.getString("title"),
                Stream.of(rs.getString("option1"), rs.getString("option2"), rs.getString("option3"))
                        .filter(Objects::nonNull).toList(),
                rs.getString("sku"), rs.getBigDecimal("price"), rs.getBigDecimal("compare_at_price"),
                rs.getObject("inventory_quantity", Integer.class), rs.getBoolean("continue_selling"),
                rs.getObject("weight_grams", Integer.class));
    }

    Optional<Policy> findPolicy(UUID accountId, CatalogOrigin origin, String type) {
        return jdbc.sql("""
                select type, title, body, url, updated_at from catalog_policy
                where account_id = :account and origin = :origin and type = :type""")
                .param("account", accountId).param("origin", origin.name()).param("type", type)
                .query((rs, n) -> new Policy(PolicyType.valueOf(rs.getString("type")), rs.getString("title"),
                        rs.getString("body"), rs.getString("url"), rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of()
                : Stream.of(joined.split(", ")).filter(s -> !s.isBlank()).toList();
    }

    private static String option(List<String> options, int index) {
        return index < options.size() ? options.get(index) : null;
    }
}
