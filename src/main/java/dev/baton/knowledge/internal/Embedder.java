package dev.baton.knowledge.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.knowledge.TextEmbeddings;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.List;

/**
 * The embedding model and its id. The id is stored with every indexed source, so a change of model is noticed
 * and everything is embedded again with the new one.
 *
 * <p>Single texts (a shopper's message, a search query) are kept once embedded: one turn asks for the same message's
 * vector several times (the handover rules before and after the reply, the intent, the knowledge search), and
 * embedding it takes longer than the rest of the turn. Batches ({@link #embedAll}, what indexing sends) are not kept.
 */
final class Embedder implements TextEmbeddings {

    /** Recent single texts kept, about 1.5 KB each with the default model. */
    static final int TEXTS_KEPT = 4_096;

    private final EmbeddingModel model;
    private final String modelId;
    private final Cache<String, float[]> recent = Caffeine.newBuilder().maximumSize(TEXTS_KEPT).build();

    Embedder(EmbeddingModel model, String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    EmbeddingModel model() {
        return model;
    }

    String modelId() {
        return modelId;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> embedding.vector())
                .toList();
    }

    /** The text's vector; callers must not change the array they get, it is shared. */
    @Override
    public float[] embed(String text) {
        return recent.get(text, key -> model.embed(key).content().vector());
    }
}
