package dev.baton.knowledge.internal;

import dev.baton.knowledge.SourceOrigin;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A piece of knowledge as stored. {@code contentHash} is the hash of what should be indexed; {@code indexedHash}
 * of what is indexed. They differ while indexing is pending, and skip re-embedding when they match.
 */
public record Source(UUID id, UUID accountId, SourceOrigin origin, String externalRef, String title, String body,
        String contentHash, SourceStatus status, String statusReason, boolean locked, boolean archived,
        String archivedReason, String indexedHash, String embeddingModel, int chunkCount, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    boolean upToDateFor(String modelId) {
        return contentHash.equals(indexedHash) && modelId.equals(embeddingModel);
    }
}
