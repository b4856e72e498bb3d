package dev.baton.knowledge.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code baton.ai.embedding.*}: with no base URL, the in-process all-MiniLM-L6-v2 (quantized, 384 dimensions);
 * with one, any OpenAI-compatible embeddings endpoint. The index stores 384-dimensional vectors, so a remote model
 * must produce 384 (OpenAI's text-embedding-3 models do when asked for {@code dimensions=384}).
 */
@ConfigurationProperties("baton.ai.embedding")
record EmbeddingProperties(String baseUrl, String apiKey, String model, @DefaultValue("384") int dimensions) {

    boolean remote() {
        return StringUtils.hasText(baseUrl);
    }
}
