/**
 * Store data from files: a Shopify product CSV export, policies as Markdown, orders as JSON. Loads the demo store
 * into a new account and imports any store's export, as locked {@code FILE_IMPORT} sources.
 */
package dev.baton.fileimport;
