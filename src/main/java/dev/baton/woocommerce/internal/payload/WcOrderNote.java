package dev.baton.woocommerce.internal.payload;

/**
 * A note on an order ({@code GET /wp-json/wc/v3/orders/{id}/notes}): the store's own log and messages to the customer,
 * where some stores and shipping plugins write the tracking number. {@code note} may hold HTML (a link).
 */
public record WcOrderNote(long id, String author, String dateCreatedGmt, String note, boolean customerNote) {
}
