package dev.baton.shopify.internal;

import dev.baton.catalog.Order;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.Variant;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import static dev.baton.shopify.internal.JsonValues.nullable;
import static dev.baton.shopify.internal.JsonValues.strings;
import static dev.baton.shopify.internal.JsonValues.text;

/**
 * Webhook payloads come in Shopify's REST shapes (snake_case, numeric ids with {@code admin_graphql_api_id}); they
 * are mapped to the same records, with the same GraphQL ids, as a sync produces.
 */
final class ShopifyWebhookPayloads {

    private ShopifyWebhookPayloads() {
    }

    static Product product(JsonNode node, String storeUrl) {
        List<String> optionNames = node.path("options").valueStream().map(option -> text(option.path("name")))
                .filter(name -> !name.isEmpty() && !name.equals("Title")).toList();
        List<Variant> variants = node.path("variants").valueStream().map(ShopifyWebhookPayloads::variant).toList();
        String handle = text(node.path("handle"));
        boolean published = !node.path("published_at").isNull() && !text(node.path("published_at")).isEmpty();
        return new Product(text(node.path("admin_graphql_api_id")), handle, text(node.path("title")),
                text(node.path("body_html")), text(node.path("vendor")), text(node.path("product_type")),
                Stream.of(text(node.path("tags")).split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList(),
                optionNames, status(text(node.path("status"))), published,
                published && !storeUrl.isEmpty() ? storeUrl + "/products/" + handle : null, image(node),
                OffsetDateTime.parse(text(node.path("updated_at"))), variants);
    }

    private static Variant variant(JsonNode node) {
        List<String> options = Stream.of(node.path("option1"), node.path("option2"), node.path("option3"))
                .filter(option -> !option.isNull() && !option.isMissingNode())
                .map(JsonValues::text)
                .filter(value -> !value.equals("Default Title"))
                .toList();
        boolean tracked = !node.has("inventory_management") || !node.path("inventory_management").isNull();
        return new Variant(text(node.path("title")), options, text(node.path("sku")),
                new BigDecimal(text(node.path("price"))),
                node.path("compare_at_price").isNull() || text(node.path("compare_at_price")).isEmpty() ? null
                        : new BigDecimal(text(node.path("compare_at_price"))),
                tracked && node.has("inventory_quantity") ? node.path("inventory_quantity").asInt() : null,
                "continue".equals(text(node.path("inventory_policy"))), grams(node));
    }

    /** The product's main image: {@code image}, else the first of {@code images}; null when it has none. */
    private static String image(JsonNode node) {
        String src = text(node.path("image").path("src"));
        if (src.isEmpty()) {
            src = node.path("images").valueStream().map(image -> text(image.path("src"))).filter(s -> !s.isEmpty())
                    .findFirst().orElse("");
        }
        return src.isEmpty() ? null : src;
    }

    /** Older payloads give a variant's {@code grams}; newer ones no weight at all (null). */
    private static Integer grams(JsonNode node) {
        return node.path("grams").isNumber() ? node.path("grams").asInt() : null;
    }

    static Order order(JsonNode node) {
        List<Order.LineItem> items = node.path("line_items").valueStream()
                .map(item -> new Order.LineItem(text(item.path("title")), nullable(item.path("variant_title")),
                        text(item.path("sku")), item.path("quantity").asInt(), new BigDecimal(text(item.path("price")))))
                .toList();
        List<Order.Fulfillment> fulfillments = node.path("fulfillments").valueStream()
                .map(f -> new Order.Fulfillment(text(f.path("status")), nullable(f.path("tracking_company")),
                        strings(f.path("tracking_numbers")), strings(f.path("tracking_urls")),
                        OffsetDateTime.parse(text(f.path("created_at")))))
                .toList();
        String phone = Objects.requireNonNullElse(nullable(node.path("phone")),
                nullable(node.path("customer").path("phone")));
        return new Order(text(node.path("admin_graphql_api_id")), text(node.path("name")), nullable(node.path("email")),
                phone, OffsetDateTime.parse(text(node.path("created_at"))),
                text(node.path("financial_status")).toUpperCase(Locale.ROOT),
                fulfillmentStatus(node.path("fulfillment_status")), text(node.path("currency")),
                new BigDecimal(text(node.path("total_price"))), items, fulfillments);
    }

    static OffsetDateTime updatedAt(JsonNode node) {
        return OffsetDateTime.parse(text(node.path("updated_at")));
    }

    static StoreInfo shop(JsonNode node) {
        String domain = text(node.path("domain"));
        return new StoreInfo(text(node.path("name")), text(node.path("currency")), nullable(node.path("customer_email")),
                domain.isEmpty() ? "" : "https://" + domain);
    }

    private static String fulfillmentStatus(JsonNode status) {
        return status.isNull() || status.isMissingNode() ? "UNFULFILLED" : text(status).toUpperCase(Locale.ROOT);
    }

    private static ProductStatus status(String status) {
        return switch (status) {
            case "draft" -> ProductStatus.DRAFT;
            case "archived" -> ProductStatus.ARCHIVED;
            default -> ProductStatus.ACTIVE;
        };
    }
}
