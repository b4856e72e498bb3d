package dev.baton.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** An order kept for the agent's order lookup. Customer data in it is never embedded. */
public record Order(String externalId, String name, String email, String phone, OffsetDateTime createdAt,
        String financialStatus, String fulfillmentStatus, String currency, BigDecimal totalPrice,
        List<LineItem> lineItems, List<Fulfillment> fulfillments) {

    public record LineItem(String title, String variantTitle, String sku, int quantity, BigDecimal price) {
    }

    public record Fulfillment(String status, String trackingCompany, List<String> trackingNumbers,
            List<String> trackingUrls, OffsetDateTime createdAt) {
    }
}
