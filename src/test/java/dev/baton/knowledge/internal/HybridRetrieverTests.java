package dev.baton.knowledge.internal;

import dev.baton.knowledge.KnowledgeHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HybridRetrieverTests {

    private static final UUID REFUNDS = UUID.randomUUID();
    private static final UUID SHIPPING = UUID.randomUUID();
    private static final UUID BOOTS = UUID.randomUUID();

    @Test
    void aChunkBothSearchesFindRanksAboveChunksOnlyOneFinds() {
        var semantic = List.of(hit(SHIPPING, 0.9), hit(REFUNDS, 0.8));
        var lexical = List.of(hit(REFUNDS, 12.0), hit(BOOTS, 7.0));

        List<KnowledgeHit> fused = HybridRetriever.fuse(List.of(semantic, lexical), 3);

        assertThat(fused).extracting(KnowledgeHit::sourceId).containsExactly(REFUNDS, SHIPPING, BOOTS);
        int k = HybridRetriever.RRF_K;
        assertThat(fused.get(0).score()).isEqualTo(1.0 / (k + 2) + 1.0 / (k + 1));
        assertThat(fused.get(1).score()).isEqualTo(1.0 / (k + 1));
    }

    @Test
    void keepsToTheLimitAndCopesWithAnEmptyList() {
        var semantic = List.of(hit(SHIPPING, 0.9), hit(REFUNDS, 0.8), hit(BOOTS, 0.7));

        assertThat(HybridRetriever.fuse(List.of(semantic, List.of()), 2)).extracting(KnowledgeHit::sourceId)
                .containsExactly(SHIPPING, REFUNDS);
        assertThat(HybridRetriever.fuse(List.of(List.of(), List.of()), 5)).isEmpty();
    }

    private static KnowledgeIndex.IndexHit hit(UUID source, double score) {
        return new KnowledgeIndex.IndexHit(source, 0, "title", "MANUAL", "text", score);
    }
}
