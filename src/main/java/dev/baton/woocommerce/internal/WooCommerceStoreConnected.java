package dev.baton.woocommerce.internal;

import java.util.UUID;

/** A store's keys (and webhook secret) were stored; its webhooks are set up once this commits. */
record WooCommerceStoreConnected(UUID integrationId) {
}
