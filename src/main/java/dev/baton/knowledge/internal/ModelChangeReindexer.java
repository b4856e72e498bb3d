package dev.baton.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * When the embedding model changes, vectors of the old model cannot be compared with the new one's: every source
 * embedded by another model is queued again, in the background, through the same event as an edit.
 */
@Component
class ModelChangeReindexer {

    private static final Logger log = LoggerFactory.getLogger(ModelChangeReindexer.class);

    private final SourceRepository sources;
    private final Embedder embedder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ModelChangeReindexer(SourceRepository sources, Embedder embedder, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.sources = sources;
        this.embedder = embedder;
        this.events = events;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reindexOtherModels() {
        transaction.executeWithoutResult(status -> {
            List<Source> stale = sources.findIndexedWithOtherModel(embedder.modelId());
            for (Source source : stale) {
                sources.markPending(source.id());
                events.publishEvent(new SourceChanged(source.accountId(), source.id()));
            }
            if (!stale.isEmpty()) {
                log.info("Embedding model is now {}: re-embedding {} sources in the background",
                        embedder.modelId(), stale.size());
            }
        });
    }
}
