package dev.baton.knowledge.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * For restart tests: an index whose writes never finish, so Baton can be stopped while a source is being indexed.
 * Active only with {@code baton.test.block-indexing=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "baton.test.block-indexing", havingValue = "true")
class BlockedIndexing {

    @Bean
    @Primary
    KnowledgeIndex blockedIndex(KnowledgeIndex real) {
        return new KnowledgeIndex() {
            private final CountDownLatch never = new CountDownLatch(1);

            @Override
            public void replace(List<SourceChunks> sources) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Stopped while indexing");
                }
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
        };
    }
}
