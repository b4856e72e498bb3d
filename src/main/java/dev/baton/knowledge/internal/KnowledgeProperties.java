package dev.baton.knowledge.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * {@code baton.knowledge.*}: where the embedded index lives and how text is cut and searched.
 *
 * @param storage       {@code embedded} (H2 + Lucene under the data dir) or {@code postgres} (pgvector)
 * @param dataDir       folder of the embedded database and index ({@code baton.data-dir})
 * @param maxTextLength longest source text accepted, in characters
 * @param chunkSize     longest chunk, in characters (about 200 tokens of all-MiniLM-L6-v2)
 * @param chunkOverlap  characters shared by neighbouring chunks
 * @param efSearch      pgvector HNSW candidate list size; 400 measured recall@10 0.89 on filtered 100k-chunk
 *                      searches against 0.83 at 100, for about 2 ms (docs/performance.md)
 */
@Validated
@ConfigurationProperties("baton.knowledge")
record KnowledgeProperties(
        @DefaultValue("embedded") @NotBlank String storage,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("200000") @Min(1) int maxTextLength,
        @DefaultValue("800") @Min(100) int chunkSize,
        @DefaultValue("100") @Min(0) int chunkOverlap,
        @DefaultValue("400") @Min(10) int efSearch) {
}
