/**
 * WooCommerce: connecting a store with its REST API keys and reading it through the REST API v3 (Retrofit, retries,
 * OAuth 1.0a signatures over plain HTTP) behind the catalog's {@code StorePlatform} port.
 */
package dev.baton.woocommerce;
