package dev.baton.woocommerce.internal.payload;

import java.util.List;

/**
 * A product as {@code GET /wp-json/wc/v3/products} lists it (the fields Baton reads). Prices are strings, empty when
 * unset; dates are the store's GMT without an offset.
 */
public record WcProduct(long id, String name, String slug, String permalink, String dateModifiedGmt, String type,
        String status, String catalogVisibility, String description, String shortDescription, String sku,
        String price, String regularPrice, String salePrice, boolean onSale, boolean manageStock,
        Integer stockQuantity, String stockStatus, String backorders, List<Term> categories, List<Term> tags,
        List<Attribute> attributes, List<Long> variations, List<Image> images) {

    public record Term(long id, String name, String slug) {
    }

    /** A product image; the first is the main one. */
    public record Image(long id, String src, String alt) {
    }

    /** {@code variation}: the attribute tells the product's variations apart. */
    public record Attribute(long id, String name, boolean variation, List<String> options) {
    }
}
