package dev.baton.knowledge.internal;

import dev.baton.knowledge.TextEmbeddings;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.List;

/**
 * The embedding model and its id. The id is stored with every indexed source, so a change of model is noticed
 * and everything is embedded again with the new one.
 */
record Embedder(EmbeddingModel model, String modelId) implements TextEmbeddings {

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(embedding -> embedding.vector())
                .toList();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
