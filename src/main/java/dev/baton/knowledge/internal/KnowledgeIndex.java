package dev.baton.knowledge.internal;

import java.util.List;
import java.util.UUID;

/**
 * Where chunks and their vectors live: pgvector on PostgreSQL, Lucene on the embedded default. Both hold the same
 * data and answer the same two searches; the fusion of the two is done once, above them, by the retriever.
 * Only live (not archived) sources are in the index.
 */
interface KnowledgeIndex {

    /** Replaces everything indexed for these sources with their new chunks, atomically per source. */
    void replace(List<SourceChunks> sources);

    void remove(UUID accountId, UUID sourceId);

    /** Approximate nearest neighbours by cosine similarity, within one account. */
    List<IndexHit> vectorSearch(UUID accountId, float[] vector, int limit);

    /** Full-text match on title and content, within one account. */
    List<IndexHit> lexicalSearch(UUID accountId, String query, int limit);

    /** The chunks of one source. */
    record SourceChunks(UUID accountId, UUID sourceId, String title, String origin, List<Chunk> chunks) {
    }

    record Chunk(int ordinal, String text, float[] vector) {
    }

    /** One chunk found; {@code score} is only comparable within one search. */
    record IndexHit(UUID sourceId, int ordinal, String title, String origin, String text, double score) {

        String key() {
            return sourceId + "#" + ordinal;
        }
    }
}
