package dev.baton.knowledge.internal;

import java.util.UUID;

/** A source was created, edited, archived, restored or deleted: its index entry must follow. */
record SourceChanged(UUID accountId, UUID sourceId) {
}
