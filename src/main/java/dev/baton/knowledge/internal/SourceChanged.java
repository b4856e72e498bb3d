package dev.baton.knowledge.internal;

import java.util.List;
import java.util.UUID;

/**
 * Sources were created, edited, archived, restored or deleted: their index entries must follow. A sync's page
 * of products is one event, so that its sources are embedded and written to the index together.
 */
record SourceChanged(UUID accountId, List<UUID> sourceIds) {

    static SourceChanged of(UUID accountId, UUID sourceId) {
        return new SourceChanged(accountId, List.of(sourceId));
    }
}
