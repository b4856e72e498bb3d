package dev.baton.knowledge.internal;

import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Wires the embedding model and the index that matches the storage mode. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    static final int DIMENSIONS = 384;

    @Bean
    Embedder embedder(EmbeddingProperties properties) {
        if (!properties.remote()) {
            return new Embedder(new MiniLmEmbeddingModel(), "all-minilm-l6-v2-q");
        }
        if (properties.dimensions() != DIMENSIONS) {
            throw new IllegalStateException("baton.ai.embedding.dimensions must be " + DIMENSIONS
                    + " (the index stores " + DIMENSIONS + "-dimensional vectors); it is " + properties.dimensions());
        }
        var model = OpenAiEmbeddingModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey())
                .modelName(properties.model())
                .dimensions(properties.dimensions())
                .timeout(Duration.ofSeconds(30))
                .maxRetries(3)
                .build();
        return new Embedder(model, "openai:" + properties.model() + ":" + properties.dimensions());
    }

    @Bean
    Chunker chunker(KnowledgeProperties properties) {
        return new Chunker(properties.chunkSize(), properties.chunkOverlap());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "baton.knowledge.storage", havingValue = "embedded", matchIfMissing = true)
    LuceneKnowledgeIndex luceneKnowledgeIndex(KnowledgeProperties properties) {
        Path directory = properties.dataDir().resolve("index");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the index folder " + directory, e);
        }
        return new LuceneKnowledgeIndex(directory);
    }

    @Bean
    @ConditionalOnProperty(name = "baton.knowledge.storage", havingValue = "postgres")
    PgvectorKnowledgeIndex pgvectorKnowledgeIndex(JdbcTemplate jdbcTemplate, TransactionTemplate transaction,
            KnowledgeProperties properties) {
        return new PgvectorKnowledgeIndex(jdbcTemplate, transaction, properties.efSearch());
    }
}
