package dev.baton.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings the index in line with a source, off the request thread. Runs from the event publication registry, so
 * work interrupted by a restart is resumed. The source row stays locked while it works: two workers (or two
 * nodes) never index the same source at once, and the later one finds it up to date.
 */
@Component
class SourceIndexer {

    private static final Logger log = LoggerFactory.getLogger(SourceIndexer.class);

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
            log.debug("Not indexing source {}: shutting down; it is indexed at the next start", event.sourceId());
            return;
        }
        Optional<Source> found = sources.findForUpdate(event.accountId(), event.sourceId());
        if (found.isEmpty() || found.get().archived()) {
            index.remove(event.accountId(), event.sourceId());
            return;
        }
        Source source = found.get();
        if (source.upToDateFor(embedder.modelId())) {
            // Same text, same model: what is indexed is still right (an edit that changed nothing, a restore race).
            sources.markIndexed(source.id(), source.contentHash(), embedder.modelId(), source.chunkCount());
            return;
        }
        try {
            int chunks = indexNow(source);
            sources.markIndexed(source.id(), source.contentHash(), embedder.modelId(), chunks);
        } catch (RuntimeException e) {
            // The text stays as it is; only the index lags. The reason is shown next to the source.
            log.warn("Indexing source {} failed: {}", source.id(), e.toString());
            sources.markFailed(source.id(), "Indexing failed: " + reason(e));
        }
    }

    private int indexNow(Source source) {
        List<String> texts = chunker.split(source.body());
        // Each chunk is embedded with its source's title, so a chunk deep in a long text still says what it is about.
        List<String> embedded = texts.stream().map(text -> source.title() + "\n" + text).toList();
        List<float[]> vectors = embedder.embedAll(embedded);
        List<KnowledgeIndex.Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            chunks.add(new KnowledgeIndex.Chunk(i, texts.get(i), vectors.get(i)));
        }
        index.replace(List.of(new KnowledgeIndex.SourceChunks(source.accountId(), source.id(), source.title(),
                source.origin().name(), chunks)));
        return chunks.size();
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
