package dev.baton.knowledge;

import java.util.UUID;

/** One retrieved chunk: the text, the source it came from and its fused rank score (higher is better). */
public record KnowledgeHit(UUID sourceId, String title, SourceOrigin origin, String text, double score) {
}
