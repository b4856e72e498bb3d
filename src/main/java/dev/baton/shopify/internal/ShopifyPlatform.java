package dev.baton.shopify.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.Product;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.StorePlatform;
import dev.baton.catalog.StoreUnavailableException;
import dev.baton.catalog.Variant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Reads a connected shop for the catalog's sync, through the GraphQL Admin API. */
@Component
class ShopifyPlatform implements StorePlatform {

    private final ShopifyGraphQl graphQl;
    private final ShopifyTokens tokens;
    private final ShopifyProperties properties;
    private final ShopifyBulkProducts bulk;

    ShopifyPlatform(ShopifyGraphQl graphQl, ShopifyTokens tokens, ShopifyProperties properties,
            ShopifyBulkProducts bulk) {
        this.graphQl = graphQl;
        this.tokens = tokens;
        this.properties = properties;
        this.bulk = bulk;
    }

    @Override
    public CatalogOrigin platform() {
        return CatalogOrigin.SHOPIFY;
    }

    @Override
    public StoreInfo store(UUID integrationId) {
        return ShopifyMapping.store(query(integrationId, ShopifyQueries.SHOP, Map.of()).path("shop"));
    }

    @Override
    public long countItems(UUID integrationId) {
        JsonNode counts = query(integrationId, ShopifyQueries.COUNTS, Map.of());
        return counts.path("productsCount").path("count").asLong(0) + counts.path("ordersCount").path("count").asLong(0);
    }

    /** Pages of 250 for most stores; one Bulk Operation for a catalog above {@code baton.shopify.bulk-threshold}. */
    @Override
    public void products(UUID integrationId, String cursor, Consumer<Page<Product>> pages) {
        if (ShopifyBulkProducts.isBulkCursor(cursor) || (cursor.isEmpty() && productCount(integrationId) > properties.bulkThreshold())) {
            bulk.read(integrationId, cursor, pages);
            return;
        }
        String next = cursor;
        do {
            Page<Product> page = productPage(integrationId, next);
            pages.accept(page);
            next = page.nextCursor();
        } while (!next.isEmpty());
    }

    private long productCount(UUID integrationId) {
        return query(integrationId, ShopifyQueries.COUNTS, Map.of()).path("productsCount").path("count").asLong(0);
    }

    private Page<Product> productPage(UUID integrationId, String cursor) {
        JsonNode connection = query(integrationId, ShopifyQueries.PRODUCTS, page(properties.pageSize(), cursor))
                .path("products");
        List<JsonNode> nodes = connection.path("nodes").valueStream().toList();
        Map<String, List<Variant>> variants = variantsOf(integrationId,
                nodes.stream().map(node -> node.path("id").asString()).toList());
        List<Product> products = nodes.stream()
                .map(node -> ShopifyMapping.product(node, variants.getOrDefault(node.path("id").asString(), List.of())))
                .toList();
        return new Page<>(products, nextCursor(connection));
    }

    /** The variants of one page of products, read with a filtered query so each product arrives whole. */
    private Map<String, List<Variant>> variantsOf(UUID integrationId, List<String> productGids) {
        if (productGids.isEmpty()) {
            return Map.of();
        }
        String filter = productGids.stream().map(gid -> "product_id:" + gid.substring(gid.lastIndexOf('/') + 1))
                .collect(Collectors.joining(" OR "));
        Map<String, List<Variant>> byProduct = new HashMap<>();
        String cursor = "";
        do {
            Map<String, Object> variables = new LinkedHashMap<>(page(properties.pageSize(), cursor));
            variables.put("query", filter);
            JsonNode connection = query(integrationId, ShopifyQueries.VARIANTS, variables).path("productVariants");
            connection.path("nodes").valueStream().forEach(node -> byProduct
                    .computeIfAbsent(node.path("product").path("id").asString(), id -> new ArrayList<>())
                    .add(ShopifyMapping.variant(node)));
            cursor = nextCursor(connection);
        } while (!cursor.isEmpty());
        return byProduct;
    }

    /** One product, read fresh (after an inventory change, which webhooks report without the product). */
    Optional<Product> productOfInventoryItem(UUID integrationId, long inventoryItemId) {
        JsonNode item = query(integrationId, ShopifyQueries.INVENTORY_ITEM,
                Map.of("id", "gid://shopify/InventoryItem/" + inventoryItemId)).path("inventoryItem");
        String productGid = item.path("variant").path("product").path("id").asString("");
        if (productGid.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = query(integrationId, ShopifyQueries.PRODUCT, Map.of("id", productGid)).path("product");
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(ShopifyMapping.product(node,
                variantsOf(integrationId, List.of(productGid)).getOrDefault(productGid, List.of())));
    }

    @Override
    public List<Policy> policies(UUID integrationId) {
        return query(integrationId, ShopifyQueries.POLICIES, Map.of()).path("shop").path("shopPolicies").valueStream()
                .map(ShopifyMapping::policy).flatMap(Optional::stream).toList();
    }

    @Override
    public Page<Order> orders(UUID integrationId, String cursor) {
        JsonNode connection = query(integrationId, ShopifyQueries.ORDERS, page(ShopifyQueries.ORDERS_PAGE, cursor))
                .path("orders");
        return new Page<>(connection.path("nodes").valueStream().map(ShopifyMapping::order).toList(),
                nextCursor(connection));
    }

    private JsonNode query(UUID integrationId, String query, Map<String, Object> variables) {
        return graphQl.data(tokens.current(integrationId), query, variables);
    }

    private static Map<String, Object> page(int size, String cursor) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", size);
        variables.put("after", cursor.isEmpty() ? null : cursor);
        return variables;
    }

    private static String nextCursor(JsonNode connection) {
        JsonNode pageInfo = connection.path("pageInfo");
        return pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asString() : "";
    }
}
