/**
 * WooCommerce: connecting a store with its REST API keys and reading it through the REST API v3 (Retrofit, retries,
 * OAuth 1.0a signatures over plain HTTP) behind the catalog's {@code StorePlatform} port, and keeping it fresh with
 * WooCommerce's webhooks (set up and repaired by Baton, signed with a secret per store, applied in the background)
 * and a reconciliation every 15 minutes, since WooCommerce never retries a webhook it failed to deliver. It also keeps
 * which of a store's policy pages were found, and the owner's choice for those that were not (a page picked, or
 * written by hand).
 */
package dev.baton.woocommerce;
