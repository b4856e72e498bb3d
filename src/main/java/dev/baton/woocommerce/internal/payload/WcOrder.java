package dev.baton.woocommerce.internal.payload;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as {@code GET /wp-json/wc/v3/orders} lists it (the fields Baton reads). Dates are the store's GMT without an
 * offset; {@code dateCompletedGmt} is null until the order is completed.
 */
public record WcOrder(long id, String number, String status, String currency, String dateCreatedGmt,
        String dateModifiedGmt, String dateCompletedGmt, String total, Address billing, List<LineItem> lineItems,
        List<ShippingLine> shippingLines, List<Meta> metaData) {

    public record Address(String email, String phone) {
    }

    public record LineItem(long id, String name, long productId, long variationId, int quantity, String sku,
            BigDecimal price, List<Meta> metaData) {
    }

    public record ShippingLine(long id, String methodTitle, String methodId, String total) {
    }

    /** {@code value} can be any JSON (shipment tracking plugins keep lists of objects there). */
    public record Meta(long id, String key, JsonNode value, String displayKey, JsonNode displayValue) {
    }
}
