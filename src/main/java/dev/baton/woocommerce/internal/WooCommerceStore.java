package dev.baton.woocommerce.internal;

import java.util.UUID;

/** A connected store with its (decrypted) REST API keys. */
record WooCommerceStore(UUID integrationId, UUID accountId, StoreAddress address, String consumerKey,
        String consumerSecret) {

    @Override
    public String toString() {
        // Never print the keys.
        return "WooCommerceStore[" + address.url() + ", integration " + integrationId + "]";
    }
}
