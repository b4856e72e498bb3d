package dev.baton.catalog.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sync of one store, as stored: where it is ({@code phase}, {@code cursor}) so that a restarted or retried run
 * picks up there, and how far it got, for the progress bar.
 */
public record SyncJob(UUID id, UUID accountId, UUID integrationId, Status status, Phase phase, int attempt, String cursor,
        int total, int done, int failed, String error, OffsetDateTime createdAt, OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /** The steps of a full sync, in order. */
    public enum Phase {
        STORE, PRODUCTS, CLEANUP, POLICIES, ORDERS, DONE
    }
}
