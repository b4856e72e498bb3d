package dev.baton.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order kept for the agent's order lookup. Customer data in it is never embedded. {@code shippingMethods}: how
 * the customer chose to have it shipped, as the store names the methods ("Flat rate", "Local pickup"); empty when
 * the store does not say.
 */
public record Order(String externalId, String name, String email, String phone, OffsetDateTime createdAt,
        String financialStatus, String fulfillmentStatus, String currency, BigDecimal totalPrice,
        List<LineItem> lineItems, List<Fulfillment> fulfillments, List<String> shippingMethods) {

    public Order {
        shippingMethods = shippingMethods == null ? List.of() : List.copyOf(shippingMethods);
    }

    /** An order whose store does not say how it ships. */
    public Order(String externalId, String name, String email, String phone, OffsetDateTime createdAt,
            String financialStatus, String fulfillmentStatus, String currency, BigDecimal totalPrice,
            List<LineItem> lineItems, List<Fulfillment> fulfillments) {
        this(externalId, name, email, phone, createdAt, financialStatus, fulfillmentStatus, currency, totalPrice,
                lineItems, fulfillments, List.of());
    }

    public record LineItem(String title, String variantTitle, String sku, int quantity, BigDecimal price) {
    }

    public record Fulfillment(String status, String trackingCompany, List<String> trackingNumbers,
            List<String> trackingUrls, OffsetDateTime createdAt) {
    }
}
