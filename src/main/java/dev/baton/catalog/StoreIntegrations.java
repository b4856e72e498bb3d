package dev.baton.catalog;

import java.util.Optional;
import java.util.UUID;

/** Connecting stores to accounts, and starting their syncs. One connected store per account. */
public interface StoreIntegrations {

    /** Registers a connected store; another store still connected to the account answers 409. */
    StoreIntegration connect(UUID accountId, CatalogOrigin platform, String storeAddress);

    StoreIntegration get(UUID accountId, UUID integrationId);

    /** The store connected to the account, if any. */
    Optional<StoreIntegration> connected(UUID accountId);

    /** For platform callbacks and webhooks, which arrive without an account. */
    Optional<StoreIntegration> findConnected(CatalogOrigin platform, String storeAddress);

    void disconnect(UUID accountId, UUID integrationId);

    /** Queues a full sync, or resumes the last one if it failed; answers the job's id. */
    UUID startSync(UUID accountId, UUID integrationId);
}
