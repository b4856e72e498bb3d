package dev.baton.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * At start-up, queues again every live source whose index is not in step with it: still pending (the node stopped
 * while embedding it), failed (the embedding endpoint was down), or embedded by another model (vectors of two
 * models cannot be compared). Safe on several nodes: the indexer locks each source and skips what is up to date.
 */
@Component
class IndexingSweeper {

    private static final Logger log = LoggerFactory.getLogger(IndexingSweeper.class);
    private static final int BATCH = 100;

    private final SourceRepository sources;
    private final Embedder embedder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    IndexingSweeper(SourceRepository sources, Embedder embedder, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.sources = sources;
        this.embedder = embedder;
        this.events = events;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void requeueUnfinished() {
        transaction.executeWithoutResult(status -> {
            List<Source> behind = sources.findNotIndexedWith(embedder.modelId());
            // In batches per account, as a sync would hand them over.
            behind.stream().collect(Collectors.groupingBy(Source::accountId, LinkedHashMap::new,
                            Collectors.mapping(Source::id, Collectors.toList())))
                    .forEach((accountId, ids) -> {
                        for (int from = 0; from < ids.size(); from += BATCH) {
                            events.publishEvent(new SourceChanged(accountId,
                                    List.copyOf(ids.subList(from, Math.min(ids.size(), from + BATCH)))));
                        }
                    });
            if (!behind.isEmpty()) {
                log.info("Indexing {} sources that are not yet indexed with {}", behind.size(), embedder.modelId());
            }
        });
    }
}
