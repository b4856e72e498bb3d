package dev.baton.pipeline;

import java.util.UUID;

/** A lead moved from one stage to another. */
public record LeadStageChanged(UUID accountId, UUID leadId, UUID fromStageId, UUID toStageId) {
}
