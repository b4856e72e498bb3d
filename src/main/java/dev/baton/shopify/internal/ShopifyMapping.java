package dev.baton.shopify.internal;

import dev.baton.catalog.Order;
import dev.baton.catalog.Policy;
import dev.baton.catalog.PolicyType;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.StoreInfo;
import dev.baton.catalog.Variant;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static dev.baton.shopify.internal.JsonValues.nullable;
import static dev.baton.shopify.internal.JsonValues.strings;
import static dev.baton.shopify.internal.JsonValues.text;

/** Shopify's GraphQL nodes to the catalog's records; the wire shapes stop here. */
final class ShopifyMapping {

    private ShopifyMapping() {
    }

    static StoreInfo store(JsonNode shop) {
        String url = text(shop.path("primaryDomain").path("url"));
        return new StoreInfo(text(shop.path("name")), text(shop.path("currencyCode")), text(shop.path("contactEmail")),
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    static Product product(JsonNode node, List<Variant> variants) {
        return new Product(text(node.path("id")), text(node.path("handle")), text(node.path("title")),
                text(node.path("descriptionHtml")), text(node.path("vendor")), text(node.path("productType")),
                strings(node.path("tags")),
                node.path("options").valueStream().map(option -> text(option.path("name")))
                        .filter(name -> !name.equals("Title")).toList(),
                status(text(node.path("status"))), !node.path("publishedAt").isNull() && node.has("publishedAt"),
                text(node.path("onlineStoreUrl")), nullable(node.path("featuredMedia").path("preview").path("image")
                        .path("url")), time(node.path("updatedAt")), variants);
    }

    static Variant variant(JsonNode node) {
        boolean tracked = node.path("inventoryItem").path("tracked").asBoolean(false);
        return new Variant(text(node.path("title")),
                node.path("selectedOptions").valueStream()
                        .filter(option -> !"Title".equals(text(option.path("name"))))
                        .map(option -> text(option.path("value"))).toList(),
                text(node.path("sku")), money(node.path("price")).orElse(BigDecimal.ZERO),
                money(node.path("compareAtPrice")).orElse(null),
                tracked ? node.path("inventoryQuantity").asInt(0) : null,
                "CONTINUE".equals(text(node.path("inventoryPolicy"))),
                grams(node.path("inventoryItem").path("measurement").path("weight")));
    }

    /** A Shopify {@code Weight} ({@code unit} GRAMS, KILOGRAMS, OUNCES or POUNDS) in grams; null when not given. */
    static Integer grams(JsonNode weight) {
        if (!weight.path("value").isNumber()) {
            return null;
        }
        double value = weight.path("value").asDouble();
        double grams = switch (text(weight.path("unit"))) {
            case "KILOGRAMS" -> value * 1000;
            case "OUNCES" -> value * 28.349523125;
            case "POUNDS" -> value * 453.59237;
            default -> value;
        };
        return grams > 0 ? (int) Math.round(grams) : null;
    }

    static Optional<Policy> policy(JsonNode node) {
        String type = text(node.path("type"));
        String body = text(node.path("body"));
        if (body.isBlank()) {
            return Optional.empty();
        }
        PolicyType policyType = switch (type) {
            case "REFUND_POLICY" -> PolicyType.REFUND_POLICY;
            case "SHIPPING_POLICY" -> PolicyType.SHIPPING_POLICY;
            case "PRIVACY_POLICY" -> PolicyType.PRIVACY_POLICY;
            case "TERMS_OF_SERVICE" -> PolicyType.TERMS_OF_SERVICE;
            case "CONTACT_INFORMATION" -> PolicyType.CONTACT_INFORMATION;
            default -> null;
        };
        if (policyType == null) {
            return Optional.empty();
        }
        // Shopify's policy bodies are HTML; the knowledge base indexes their text.
        String text = org.jsoup.Jsoup.parse(body).wholeText().strip();
        return Optional.of(new Policy(policyType, text(node.path("title")), text, text(node.path("url")),
                time(node.path("updatedAt"))));
    }

    static Order order(JsonNode node) {
        List<Order.LineItem> lineItems = node.path("lineItems").path("nodes").valueStream()
                .map(item -> new Order.LineItem(text(item.path("title")), nullable(item.path("variantTitle")),
                        text(item.path("sku")), item.path("quantity").asInt(0),
                        money(item.path("originalUnitPriceSet").path("shopMoney").path("amount")).orElse(BigDecimal.ZERO)))
                .toList();
        List<Order.Fulfillment> fulfillments = node.path("fulfillments").valueStream()
                .map(fulfillment -> {
                    List<JsonNode> tracking = fulfillment.path("trackingInfo").valueStream().toList();
                    return new Order.Fulfillment(text(fulfillment.path("status")),
                            tracking.isEmpty() ? null : nullable(tracking.get(0).path("company")),
                            tracking.stream().map(info -> text(info.path("number"))).filter(s -> !s.isEmpty()).toList(),
                            tracking.stream().map(info -> text(info.path("url"))).filter(s -> !s.isEmpty()).toList(),
                            time(fulfillment.path("createdAt")));
                })
                .toList();
        JsonNode total = node.path("totalPriceSet").path("shopMoney");
        return new Order(text(node.path("id")), text(node.path("name")), nullable(node.path("email")),
                nullable(node.path("phone")), time(node.path("createdAt")), text(node.path("displayFinancialStatus")),
                text(node.path("displayFulfillmentStatus")), text(total.path("currencyCode")),
                money(total.path("amount")).orElse(BigDecimal.ZERO), lineItems, fulfillments);
    }

    private static ProductStatus status(String status) {
        return switch (status) {
            case "DRAFT" -> ProductStatus.DRAFT;
            case "ARCHIVED" -> ProductStatus.ARCHIVED;
            default -> ProductStatus.ACTIVE;
        };
    }

    private static Optional<BigDecimal> money(JsonNode node) {
        return node.isMissingNode() || node.isNull() || text(node).isEmpty() ? Optional.empty()
                : Optional.of(new BigDecimal(text(node)));
    }

    private static OffsetDateTime time(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? OffsetDateTime.now() : OffsetDateTime.parse(text(node));
    }
}
