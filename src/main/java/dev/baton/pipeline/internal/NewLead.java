package dev.baton.pipeline.internal;

import java.util.UUID;

/**
 * A lead to create. Without {@code stageId} it goes to the first open stage of {@code pipelineId}, or of the
 * account's first pipeline when that is missing too.
 */
public record NewLead(String name, UUID pipelineId, UUID stageId, UUID contactId, UUID responsibleUserId) {
}
