package dev.baton.woocommerce.internal;

/** Where a store policy comes from, as the Knowledge page and the API show it. */
public enum PolicyStatus {
    /** Baton found the page itself (WooCommerce's setting, or the default slug). */
    FOUND,
    /** No page was found: the agent cannot answer from this policy until the owner picks a page or writes it. */
    MISSING,
    /** The owner picked the page; every sync reads it first. */
    PICKED,
    /** The owner writes this policy as a manual source in Baton; syncs no longer look for it. */
    MANUAL,
    /** No sync has looked for it yet. */
    UNCHECKED
}
