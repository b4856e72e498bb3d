package dev.baton.pipeline;

import java.time.Instant;
import java.util.UUID;

/** A note on a lead: who wrote it (a person, or "Baton" for a handover summary) and when. */
public record LeadNote(UUID id, UUID leadId, String author, String text, Instant createdAt) {
}
