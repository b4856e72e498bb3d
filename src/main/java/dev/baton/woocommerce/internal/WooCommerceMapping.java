package dev.baton.woocommerce.internal;

import dev.baton.catalog.Order;
import dev.baton.catalog.Product;
import dev.baton.catalog.ProductStatus;
import dev.baton.catalog.Variant;
import dev.baton.woocommerce.internal.payload.WcOrder;
import dev.baton.woocommerce.internal.payload.WcOrderNote;
import dev.baton.woocommerce.internal.payload.WcProduct;
import dev.baton.woocommerce.internal.payload.WcVariation;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** WooCommerce's wire records to the catalog's own, at the edge. */
final class WooCommerceMapping {

    /** Shipment tracking plugins keep their numbers in order meta under these keys. */
    private static final String SHIPMENT_TRACKING_ITEMS = "_wc_shipment_tracking_items";

    private WooCommerceMapping() {
    }

    /** {@code variations}: the variable product's variations; ignored for other types. */
    static Product product(WcProduct product, List<WcVariation> variations) {
        List<WcProduct.Attribute> options = list(product.attributes()).stream()
                .filter(WcProduct.Attribute::variation).toList();
        boolean variable = "variable".equals(product.type());
        List<Variant> variants = variable
                ? variations.stream().filter(v -> v.status() == null || "publish".equals(v.status()))
                        .map(v -> variant(v, product, options)).filter(Objects::nonNull).toList()
                : simpleVariant(product);
        return new Product(String.valueOf(product.id()), text(product.slug()), text(product.name()),
                description(product), "", list(product.categories()).stream().findFirst().map(WcProduct.Term::name)
                        .orElse(""),
                list(product.tags()).stream().map(WcProduct.Term::name).toList(),
                variable ? options.stream().map(WcProduct.Attribute::name).toList() : List.of(),
                status(product.status()), "publish".equals(product.status())
                        && !"hidden".equals(product.catalogVisibility()),
                text(product.permalink()), list(product.images()).stream().map(WcProduct.Image::src)
                        .filter(src -> src != null && !src.isBlank()).findFirst().orElse(null),
                time(product.dateModifiedGmt()), variants);
    }

    /** The short description first (what the store shows beside the price), then the long one. */
    private static String description(WcProduct product) {
        String shortDescription = PlainText.withoutShortcodes(product.shortDescription()).strip();
        String longDescription = PlainText.withoutShortcodes(product.description()).strip();
        if (shortDescription.isEmpty() || longDescription.contains(shortDescription)) {
            return longDescription;
        }
        return longDescription.isEmpty() ? shortDescription : shortDescription + "\n" + longDescription;
    }

    private static List<Variant> simpleVariant(WcProduct product) {
        BigDecimal price = money(product.price());
        if (price == null) {
            return List.of();
        }
        Stock stock = stock(product.manageStock(), product.stockQuantity(), product.stockStatus(), product.backorders());
        return List.of(new Variant("Default Title", List.of(), text(product.sku()), price,
                compareAt(product.onSale(), product.regularPrice(), price), stock.quantity(), stock.continueSelling(), null));
    }

    /** Null for a variation without a price: the store does not sell it. */
    private static Variant variant(WcVariation variation, WcProduct product, List<WcProduct.Attribute> options) {
        BigDecimal price = money(variation.price());
        if (price == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (WcProduct.Attribute option : options) {
            values.add(list(variation.attributes()).stream().filter(a -> sameAttribute(a, option))
                    .map(WcVariation.Attribute::option).findFirst().orElse("Any " + option.name()));
        }
        Stock stock = variationStock(variation, product);
        return new Variant(String.join(" / ", values), values, text(variation.sku()).isEmpty()
                ? text(product.sku()) : text(variation.sku()), price,
                compareAt(variation.onSale(), variation.regularPrice(), price), stock.quantity(),
                stock.continueSelling(), null);
    }

    private static boolean sameAttribute(WcVariation.Attribute attribute, WcProduct.Attribute option) {
        return option.id() != 0 ? attribute.id() == option.id() : text(attribute.name()).equalsIgnoreCase(option.name());
    }

    /** "parent": the variable product's own stock counts for the variation. */
    private static Stock variationStock(WcVariation variation, WcProduct product) {
        JsonNode manage = variation.manageStock();
        if (manage != null && manage.isString() && "parent".equals(manage.asString())) {
            return stock(product.manageStock(), product.stockQuantity(), variation.stockStatus(),
                    product.backorders());
        }
        return stock(manage != null && manage.asBoolean(false), variation.stockQuantity(), variation.stockStatus(),
                variation.backorders());
    }

    /**
     * Counted stock when the store manages it; otherwise only the status: out of stock reads as none left,
     * on backorder as selling on.
     */
    private static Stock stock(boolean managed, Integer quantity, String status, String backorders) {
        boolean continueSelling = (backorders != null && !"no".equals(backorders)) || "onbackorder".equals(status);
        if (managed && quantity != null) {
            return new Stock(quantity, continueSelling);
        }
        return "outofstock".equals(status) ? new Stock(0, false) : new Stock(null, continueSelling);
    }

    private record Stock(Integer quantity, boolean continueSelling) {
    }

    private static BigDecimal compareAt(boolean onSale, String regularPrice, BigDecimal price) {
        BigDecimal regular = money(regularPrice);
        return onSale && regular != null && regular.compareTo(price) > 0 ? regular : null;
    }

    private static ProductStatus status(String status) {
        return "publish".equals(status) ? ProductStatus.ACTIVE : ProductStatus.DRAFT;
    }

    static Order order(WcOrder order) {
        return order(order, List.of());
    }

    /** {@code notes}: the order's notes, read when worth it ({@link TrackingNotes}); tracking in the meta comes first. */
    static Order order(WcOrder order, List<WcOrderNote> notes) {
        List<Order.LineItem> lines = list(order.lineItems()).stream()
                .map(line -> new Order.LineItem(text(line.name()), variantTitle(line), text(line.sku()),
                        line.quantity(), line.price() == null ? BigDecimal.ZERO : line.price()))
                .toList();
        WcOrder.Address billing = order.billing() == null ? new WcOrder.Address("", "") : order.billing();
        BigDecimal total = money(order.total());
        return new Order(String.valueOf(order.id()), "#" + (text(order.number()).isEmpty() ? order.id() : order.number()),
                text(billing.email()), text(billing.phone()), time(order.dateCreatedGmt()),
                financialStatus(order.status()), fulfillmentStatus(order.status()), text(order.currency()),
                total == null ? BigDecimal.ZERO : total, lines, fulfillments(order, notes), shippingMethods(order));
    }

    /** The shipping methods' titles as the store names them ("Flat rate", "Local pickup"), each once. */
    private static List<String> shippingMethods(WcOrder order) {
        return list(order.shippingLines()).stream().map(line -> PlainText.of(line.methodTitle()))
                .filter(title -> !title.isBlank()).distinct().toList();
    }

    /** Attributes a customer chose ("Color: Black"), as WooCommerce shows them on the order. */
    private static String variantTitle(WcOrder.LineItem line) {
        if (line.variationId() == 0) {
            return null;
        }
        List<String> chosen = list(line.metaData()).stream()
                .filter(meta -> meta.key() != null && !meta.key().startsWith("_"))
                .map(meta -> meta.displayValue() != null && meta.displayValue().isValueNode()
                        ? PlainText.of(meta.displayValue().asString("")) : meta.value() == null ? ""
                        : meta.value().asString(""))
                .filter(value -> !value.isBlank()).toList();
        return chosen.isEmpty() ? null : String.join(" / ", chosen);
    }

    /** WooCommerce has one order status; the catalog keeps payment and fulfilment apart. */
    private static String financialStatus(String status) {
        return switch (text(status)) {
            case "processing", "completed" -> "PAID";
            case "refunded" -> "REFUNDED";
            case "cancelled" -> "VOIDED";
            case "failed" -> "FAILED";
            case "" -> "PENDING";
            default -> "PENDING"; // pending, on-hold (awaiting payment), checkout-draft
        };
    }

    private static String fulfillmentStatus(String status) {
        return "completed".equals(status) ? "FULFILLED" : "UNFULFILLED";
    }

    /**
     * Tracking from order meta: the Shipment Tracking extension's items, or a plain tracking-number field; from the
     * notes only when the meta has none.
     */
    private static List<Order.Fulfillment> fulfillments(WcOrder order, List<WcOrderNote> notes) {
        List<Order.Fulfillment> fulfillments = new ArrayList<>();
        for (WcOrder.Meta meta : list(order.metaData())) {
            String key = text(meta.key()).toLowerCase(Locale.ROOT);
            if (SHIPMENT_TRACKING_ITEMS.equals(key) && meta.value() != null && meta.value().isArray()) {
                meta.value().valueStream().forEach(item -> fulfillments.add(trackingItem(item)));
            } else if (key.contains("tracking_number") && meta.value() != null && meta.value().isValueNode()
                    && !meta.value().asString("").isBlank()) {
                fulfillments.add(new Order.Fulfillment("SHIPPED", null, List.of(meta.value().asString().strip()),
                        List.of(), null));
            }
        }
        if (fulfillments.isEmpty()) {
            fulfillments.addAll(TrackingNotes.from(notes));
        }
        return fulfillments;
    }

    private static Order.Fulfillment trackingItem(JsonNode item) {
        String provider = item.path("custom_tracking_provider").asString("");
        if (provider.isBlank()) {
            provider = item.path("tracking_provider").asString("");
        }
        String number = item.path("tracking_number").asString("");
        String link = item.path("custom_tracking_link").asString("");
        long shipped = item.path("date_shipped").asLong(0);
        return new Order.Fulfillment("SHIPPED", provider.isBlank() ? null : provider,
                number.isBlank() ? List.of() : List.of(number), link.isBlank() ? List.of() : List.of(link),
                shipped == 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochSecond(shipped), ZoneOffset.UTC));
    }

    /** WooCommerce's GMT dates carry no offset. */
    static OffsetDateTime time(String gmt) {
        if (gmt == null || gmt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(gmt).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal money(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
