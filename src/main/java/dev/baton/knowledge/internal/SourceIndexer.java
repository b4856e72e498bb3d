package dev.baton.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Brings the index in line with a source, off the request thread. Runs from the event publication registry, so
 * work interrupted by a restart is resumed. The source row stays locked while it works: two workers (or two
 * nodes) never index the same source at once, and the later one finds it up to date.
 */
@Component
class SourceIndexer {

    private static final Logger log = LoggerFactory.getLogger(SourceIndexer.class);
    /** Sources embedded and written together. */
    private static final int SLICE = 32;

    private final SourceRepository sources;
    private final KnowledgeIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private volatile boolean closing;

    SourceIndexer(SourceRepository sources, KnowledgeIndex index, Embedder embedder, Chunker chunker) {
        this.sources = sources;
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    /**
     * Once the application is closing, no new embedding starts: the in-process model's native runtime is torn down
     * by its own JVM shutdown hook, and an inference still running then crashes the JVM. What is left stays
     * PENDING, and {@link IndexingSweeper} queues it again at the next start.
     */
    @EventListener(ContextClosedEvent.class)
    void stopTakingWork() {
        closing = true;
    }

    @ApplicationModuleListener
    void on(SourceChanged event) {
        if (closing) {
            log.debug("Not indexing {} sources: shutting down; they are indexed at the next start", event.sourceIds().size());
            return;
        }
        Map<UUID, Source> found = new HashMap<>();
        sources.findAllForUpdate(event.accountId(), event.sourceIds()).forEach(source -> found.put(source.id(), source));
        List<Source> toIndex = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(event.sourceIds())) {
            Source source = found.get(id);
            if (source == null || source.archived()) {
                index.remove(event.accountId(), id);
            } else if (source.upToDateFor(embedder.modelId())) {
                // Same text, same model: what is indexed is still right (an edit that changed nothing, a restore race).
                sources.markIndexed(source.id(), source.contentHash(), embedder.modelId(), source.chunkCount());
            } else {
                toIndex.add(source);
            }
        }
        if (toIndex.isEmpty()) {
            return;
        }
        // In slices: big enough for the model to be efficient, small enough that the first products of a sync
        // become searchable within seconds.
        for (int from = 0; from < toIndex.size(); from += SLICE) {
            indexSlice(toIndex.subList(from, Math.min(toIndex.size(), from + SLICE)));
        }
    }

    private void indexSlice(List<Source> slice) {
        try {
            indexTogether(slice);
        } catch (RuntimeException e) {
            if (slice.size() == 1) {
                failed(slice.get(0), e);
                return;
            }
            // One bad source must not hold back the others: each is tried on its own, and only it is marked.
            log.warn("Indexing {} sources together failed ({}); indexing them one by one", slice.size(), e.toString());
            for (Source source : slice) {
                try {
                    indexTogether(List.of(source));
                } catch (RuntimeException single) {
                    failed(source, single);
                }
            }
        }
    }

    /** Chunks, embeds (in one call: the model is far faster on a batch) and writes the sources' chunks at once. */
    private void indexTogether(List<Source> batch) {
        List<String> embedded = new ArrayList<>();
        List<List<String>> textsBySource = new ArrayList<>();
        for (Source source : batch) {
            List<String> texts = chunker.split(source.body());
            textsBySource.add(texts);
            // Each chunk is embedded with its source's title, so a chunk deep in a long text still says what it is about.
            texts.forEach(text -> embedded.add(source.title() + "\n" + text));
        }
        List<float[]> vectors = embedder.embedAll(embedded);
        List<KnowledgeIndex.SourceChunks> written = new ArrayList<>();
        int next = 0;
        for (int s = 0; s < batch.size(); s++) {
            Source source = batch.get(s);
            List<String> texts = textsBySource.get(s);
            List<KnowledgeIndex.Chunk> chunks = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                chunks.add(new KnowledgeIndex.Chunk(i, texts.get(i), vectors.get(next++)));
            }
            written.add(new KnowledgeIndex.SourceChunks(source.accountId(), source.id(), source.title(),
                    source.origin().name(), chunks));
        }
        index.replace(written);
        for (int s = 0; s < batch.size(); s++) {
            Source source = batch.get(s);
            sources.markIndexed(source.id(), source.contentHash(), embedder.modelId(), textsBySource.get(s).size());
        }
    }

    private void failed(Source source, RuntimeException e) {
        // The text stays as it is; only the index lags. The reason is shown next to the source.
        log.warn("Indexing source {} failed: {}", source.id(), e.toString());
        sources.markFailed(source.id(), "Indexing failed: " + reason(e));
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
