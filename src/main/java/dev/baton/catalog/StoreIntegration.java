package dev.baton.catalog;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A store connected to an account. {@code lastSyncedAt} is null until the first sync succeeds. */
public record StoreIntegration(UUID id, UUID accountId, CatalogOrigin platform, String storeAddress, boolean connected,
        OffsetDateTime connectedAt, OffsetDateTime lastSyncedAt) {
}
