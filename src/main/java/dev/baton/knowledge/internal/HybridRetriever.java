package dev.baton.knowledge.internal;

import dev.baton.knowledge.KnowledgeHit;
import dev.baton.knowledge.KnowledgeSearch;
import dev.baton.knowledge.SourceOrigin;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Vector search finds what a question means, lexical search finds the exact words (product names, SKUs); reciprocal
 * rank fusion merges the two lists by rank alone, so their incomparable scores never have to be calibrated.
 */
@Service
class HybridRetriever implements KnowledgeSearch {

    /** The usual RRF constant: damps the weight of the very top ranks. */
    static final int RRF_K = 60;
    private static final int CANDIDATES_PER_LIST = 40;

    private final KnowledgeIndex index;
    private final Embedder embedder;

    HybridRetriever(KnowledgeIndex index, Embedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    @Override
    public List<KnowledgeHit> search(UUID accountId, String query, int limit) {
        if (query.isBlank() || limit < 1) {
            return List.of();
        }
        int candidates = Math.max(limit * 4, CANDIDATES_PER_LIST);
        List<KnowledgeIndex.IndexHit> semantic = index.vectorSearch(accountId, embedder.embed(query), candidates);
        List<KnowledgeIndex.IndexHit> lexical = index.lexicalSearch(accountId, query, candidates);
        return fuse(List.of(semantic, lexical), limit);
    }

    static List<KnowledgeHit> fuse(List<List<KnowledgeIndex.IndexHit>> rankings, int limit) {
        Map<String, Double> scores = new HashMap<>();
        Map<String, KnowledgeIndex.IndexHit> hits = new HashMap<>();
        for (List<KnowledgeIndex.IndexHit> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                KnowledgeIndex.IndexHit hit = ranking.get(rank);
                scores.merge(hit.key(), 1.0 / (RRF_K + rank + 1), Double::sum);
                hits.putIfAbsent(hit.key(), hit);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> {
                    KnowledgeIndex.IndexHit hit = hits.get(entry.getKey());
                    return new KnowledgeHit(hit.sourceId(), hit.title(), SourceOrigin.valueOf(hit.origin()), hit.text(),
                            entry.getValue());
                })
                .toList();
    }

    @Override
    public List<String> keywords(String text) {
        return QueryTerms.of(text == null ? "" : text);
    }
}
