/**
 * The local mirror of a store: products with variants, stock and prices, policies and orders, whatever the store
 * platform. Store adapters (Shopify, WooCommerce, file import) fill it through {@link dev.baton.catalog.Catalog};
 * it publishes {@link dev.baton.catalog.CatalogChanged} with the readable text the knowledge base indexes.
 */
package dev.baton.catalog;
