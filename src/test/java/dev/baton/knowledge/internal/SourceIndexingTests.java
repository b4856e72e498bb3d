package dev.baton.knowledge.internal;

import dev.baton.TestStorage;
import dev.baton.account.internal.TestAccounts;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Indexing embeds only what changed, and a failure is shown on the source without losing its text. */
// Closed after the class, in the test thread, so no background indexing outlives it into JVM exit.
@DirtiesContext
@SpringBootTest
class SourceIndexingTests {

    static final AtomicInteger embeddedTexts = new AtomicInteger();

    @Autowired
    SourceService sources;

    @Autowired
    TestAccounts accounts;

    UUID accountId;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        TestStorage.embedded(registry);
    }

    @BeforeEach
    void newAccount() {
        accountId = accounts.create("Indexing test store").id();
    }

    @Test
    void unchangedTextIsNotEmbeddedAgain() {
        Source source = sources.createManual(accountId, "Opening hours", "Open daily from 9 to 6.");
        awaitStatus(source.id(), SourceStatus.INDEXED);
        int afterFirstIndexing = embeddedTexts.get();

        sources.update(accountId, source.id(), "Opening hours", "Open daily from 9 to 6.");
        awaitStatus(source.id(), SourceStatus.INDEXED);
        assertThat(embeddedTexts.get()).isEqualTo(afterFirstIndexing);

        sources.update(accountId, source.id(), "Opening hours", "Open daily from 10 to 7.");
        await().atMost(Duration.ofSeconds(30)).until(() -> embeddedTexts.get() > afterFirstIndexing);
        awaitStatus(source.id(), SourceStatus.INDEXED);
    }

    @Test
    void aSyncDeliveringTheSameTextChangesNothing() {
        sources.upsertSynced(accountId, dev.baton.knowledge.SourceOrigin.SHOPIFY, "product:1", "Mug", "A mug, $12.");
        Source synced = sources.list(accountId).get(0);
        awaitStatus(synced.id(), SourceStatus.INDEXED);

        sources.upsertSynced(accountId, dev.baton.knowledge.SourceOrigin.SHOPIFY, "product:1", "Mug", "A mug, $12.");

        assertThat(sources.get(accountId, synced.id()).updatedAt()).isEqualTo(synced.updatedAt());
        assertThat(sources.get(accountId, synced.id()).status()).isEqualTo(SourceStatus.INDEXED);
    }

    @Test
    void aFailedEmbeddingMarksTheSourceFailedWithItsReasonAndKeepsTheText() {
        Source source = sources.createManual(accountId, "Broken", "FAIL-EMBED: this text cannot be embedded.");

        awaitStatus(source.id(), SourceStatus.FAILED);

        Source failed = sources.get(accountId, source.id());
        assertThat(failed.statusReason()).contains("Indexing failed").contains("embedding service unavailable");
        assertThat(failed.body()).isEqualTo("FAIL-EMBED: this text cannot be embedded.");
    }

    @Test
    void aSyncedBatchIsIndexedTogetherAndOneBadSourceFailsAlone() {
        int before = embeddedTexts.get();
        sources.syncAll(accountId, dev.baton.knowledge.SourceOrigin.SHOPIFY, List.of(
                new SourceService.SyncedItem("product:10", "Kettle", "A steel kettle, $40."),
                new SourceService.SyncedItem("product:11", "Teapot", "FAIL-EMBED: a teapot the embedder refuses."),
                new SourceService.SyncedItem("product:12", "Cups", "Six porcelain cups, $30.")));
        List<Source> synced = sources.list(accountId);

        await().atMost(Duration.ofSeconds(30)).until(() -> sources.list(accountId).stream()
                .allMatch(source -> source.status() != SourceStatus.PENDING));
        assertThat(sources.list(accountId)).extracting(Source::title, Source::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Kettle", SourceStatus.INDEXED),
                org.assertj.core.groups.Tuple.tuple("Teapot", SourceStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("Cups", SourceStatus.INDEXED));
        assertThat(synced).hasSize(3);
        // The batch was refused as a whole, then the two good sources were embedded one by one.
        assertThat(embeddedTexts.get() - before).isEqualTo(2);
    }

    void awaitStatus(UUID id, SourceStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> sources.get(accountId, id).status() == status);
    }

    /** The real in-process model, counting what it embeds and failing on a marker text. */
    @TestConfiguration
    static class CountingEmbedder {

        @Bean
        @Primary
        Embedder countingEmbedder() {
            EmbeddingModel real = new AllMiniLmL6V2QuantizedEmbeddingModel();
            EmbeddingModel counting = new EmbeddingModel() {
                @Override
                public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                    if (segments.stream().anyMatch(segment -> segment.text().contains("FAIL-EMBED"))) {
                        throw new IllegalStateException("embedding service unavailable");
                    }
                    embeddedTexts.addAndGet(segments.size());
                    return real.embedAll(segments);
                }

                @Override
                public int dimension() {
                    return real.dimension();
                }
            };
            return new Embedder(counting, "all-minilm-l6-v2-q");
        }
    }
}
