package dev.baton.shopify.internal;

/**
 * The GraphQL Admin API queries Baton runs. Costs matter: Shopify refuses a query whose requested cost exceeds
 * 1,000, and nested connections multiply. Products are paged 250 at a time without their variants; the variants of
 * a page are read by a second, filtered query. Orders carry their line items, so they are paged in smaller pages.
 */
final class ShopifyQueries {

    static final int ORDERS_PAGE = 10;
    static final int LINE_ITEMS_PER_ORDER = 50;

    static final String SHOP = """
            query Shop {
              shop { name currencyCode contactEmail primaryDomain { url } }
            }""";

    static final String COUNTS = """
            query Counts {
              productsCount { count }
              ordersCount { count }
            }""";

    /** What Baton reads of a product, in every query that reads one. */
    private static final String PRODUCT_FIELDS = """
            id title handle descriptionHtml vendor productType tags status publishedAt onlineStoreUrl updatedAt
            options { name }
            featuredMedia { preview { image { url } } }""";

    /** What Baton reads of a variant, in every query that reads one. */
    private static final String VARIANT_FIELDS = """
            id title sku price compareAtPrice inventoryQuantity inventoryPolicy position
            selectedOptions { name value }
            inventoryItem { tracked measurement { weight { unit value } } }""";

    static final String PRODUCTS = """
            query Products($first: Int!, $after: String) {
              products(first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { %s }
              }
            }""".formatted(PRODUCT_FIELDS);

    static final String PRODUCT = """
            query Product($id: ID!) {
              product(id: $id) { %s }
            }""".formatted(PRODUCT_FIELDS);

    /**
     * The whole catalog as one Bulk Operation: Shopify runs it in the background and writes a JSONL file with one
     * product or variant a line, each variant naming its product in {@code __parentId}. Bulk queries take no page
     * sizes and use edges.
     */
    static final String BULK_PRODUCTS = """
            {
              products {
                edges { node {
                  %s
                  variants { edges { node { %s } } }
                } }
              }
            }""".formatted(PRODUCT_FIELDS, VARIANT_FIELDS);

    static final String BULK_RUN = """
            mutation BulkRunQuery($query: String!) {
              bulkOperationRunQuery(query: $query) {
                bulkOperation { id status }
                userErrors { field message code }
              }
            }""";

    static final String BULK_OPERATION = """
            query BulkOperation($id: ID!) {
              node(id: $id) {
                ... on BulkOperation { id status errorCode objectCount rootObjectCount url }
              }
            }""";

    static final String INVENTORY_ITEM = """
            query InventoryItem($id: ID!) {
              inventoryItem(id: $id) { variant { product { id } } }
            }""";

    static final String VARIANTS = """
            query Variants($first: Int!, $after: String, $query: String!) {
              productVariants(first: $first, after: $after, query: $query) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  %s
                  product { id }
                }
              }
            }""".formatted(VARIANT_FIELDS);

    static final String POLICIES = """
            query Policies {
              shop { shopPolicies { type title body url updatedAt } }
            }""";

    static final String ORDERS = """
            query Orders($first: Int!, $after: String) {
              orders(first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id name email phone createdAt displayFinancialStatus displayFulfillmentStatus currencyCode
                  totalPriceSet { shopMoney { amount currencyCode } }
                  lineItems(first: %d) {
                    nodes { title variantTitle sku quantity originalUnitPriceSet { shopMoney { amount } } }
                  }
                  fulfillments { status createdAt trackingInfo { company number url } }
                }
              }
            }""".formatted(LINE_ITEMS_PER_ORDER);

    private ShopifyQueries() {
    }
}
