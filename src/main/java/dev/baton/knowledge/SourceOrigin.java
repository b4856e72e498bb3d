package dev.baton.knowledge;

/** Where a source came from. Every origin but {@code MANUAL} is synced, and so locked. */
public enum SourceOrigin {
    MANUAL, SHOPIFY, WOOCOMMERCE, FILE_IMPORT;

    public boolean synced() {
        return this != MANUAL;
    }
}
