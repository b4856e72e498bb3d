package dev.baton.knowledge;

import java.util.List;
import java.util.UUID;

/** Hybrid retrieval (vector + lexical, reciprocal rank fusion) over one account's live sources. */
public interface KnowledgeSearch {

    List<KnowledgeHit> search(UUID accountId, String query, int limit);

    /** The words of a text that carry meaning: lower case, without the function words of the six languages. */
    List<String> keywords(String text);
}
