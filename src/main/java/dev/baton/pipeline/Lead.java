package dev.baton.pipeline;

import java.time.Instant;
import java.util.UUID;

/** A lead: a contact's deal in a pipeline stage, with the manager responsible for it (null: nobody yet). */
public record Lead(UUID id, UUID accountId, UUID pipelineId, UUID stageId, UUID contactId, String name,
        UUID responsibleUserId, Instant createdAt) {
}
