package dev.baton.catalog;

/** The store platform (or export file) a mirrored item came from. */
public enum CatalogOrigin {
    SHOPIFY, WOOCOMMERCE, FILE_IMPORT
}
