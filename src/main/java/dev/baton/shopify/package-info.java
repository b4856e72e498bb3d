/**
 * Shopify: connecting a store (OAuth install or a custom app's Admin API token), reading it through the GraphQL
 * Admin API (OpenFeign, cost-based throttling, retries) behind the catalog's {@code StorePlatform} port.
 */
package dev.baton.shopify;
