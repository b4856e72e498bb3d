/**
 * WooCommerce: connecting a store with its REST API keys and reading it through the REST API v3 (Retrofit, retries,
 * OAuth 1.0a signatures over plain HTTP) behind the catalog's {@code StorePlatform} port, and keeping it fresh with
 * WooCommerce's webhooks (set up and repaired by Baton, signed with a secret per store, applied in the background).
 */
package dev.baton.woocommerce;
