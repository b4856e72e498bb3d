package dev.baton.woocommerce.internal.payload;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A variation of a variable product ({@code GET /products/{id}/variations}). {@code manageStock} is true, false or
 * "parent" (the product's stock counts), so it stays a JSON value.
 */
public record WcVariation(long id, String dateModifiedGmt, String sku, String price, String regularPrice,
        String salePrice, boolean onSale, String status, JsonNode manageStock, Integer stockQuantity,
        String stockStatus, String backorders, List<Attribute> attributes) {

    public record Attribute(long id, String name, String option) {
    }
}
