package dev.baton.knowledge.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * For restart tests: an index whose writes do not finish until Baton stops, so Baton can be stopped while a source
 * is being indexed. Active only with {@code baton.test.block-indexing=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.test.block-indexing", havingValue = "true")
class BlockedIndexing {

    @Bean
    @Primary
    BlockedIndex blockedIndex(KnowledgeIndex real) {
        return new BlockedIndex(real);
    }

    static class BlockedIndex implements KnowledgeIndex {

        private final KnowledgeIndex real;
        private final CountDownLatch stopped = new CountDownLatch(1);

        BlockedIndex(KnowledgeIndex real) {
            this.real = real;
        }

        /** Writes fail once Baton stops, as they would if the node died mid-write. */
        @EventListener(ContextClosedEvent.class)
        void stop() {
            stopped.countDown();
        }

        @Override
        public void replace(List<SourceChunks> sources) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Stopped while indexing");
        }

        @Override
        public void remove(UUID accountId, UUID sourceId) {
            real.remove(accountId, sourceId);
        }

        @Override
        public List<IndexHit> vectorSearch(UUID accountId, float[] vector, int limit) {
            return real.vectorSearch(accountId, vector, limit);
        }

        @Override
        public List<IndexHit> lexicalSearch(UUID accountId, String query, int limit) {
            return real.lexicalSearch(accountId, query, limit);
        }
    }
}
