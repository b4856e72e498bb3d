package dev.baton.knowledge.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * For restart tests: the same embedding model under another id, as if the configured model had changed.
 * Active only with {@code baton.test.embedding-model-id}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.test.embedding-model-id")
class RenamedEmbeddingModel {

    @Bean
    @Primary
    Embedder renamedEmbedder(KnowledgeConfiguration configuration, EmbeddingProperties properties,
            @Value("${baton.test.embedding-model-id}") String modelId) {
        return new Embedder(configuration.embedder(properties).model(), modelId);
    }
}
