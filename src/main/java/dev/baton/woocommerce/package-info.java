/**
 * WooCommerce: connecting a store with its REST API keys and reading it through the REST API v3 (Retrofit, retries,
 * OAuth 1.0a signatures over plain HTTP) behind the catalog's {@code StorePlatform} port, and reconciling what changed
 * every 15 minutes, since WooCommerce never retries a webhook it failed to deliver.
 */
package dev.baton.woocommerce;
