package dev.baton.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The agent handed a conversation to the team: a ticket was opened with its reasons (reason codes, the category, the
 * most pressing, first), priority
 * (URGENT, HIGH, NORMAL), the manager it went to (null: nobody online, it waits unassigned) and when a person should
 * answer by. {@code stageId}: the lead's stage at the handover.
 */
public record ConversationHandedOver(UUID accountId, UUID conversationId, UUID ticketId, UUID leadId, UUID stageId,
        List<String> reasons, String priority, UUID assigneeId, Instant slaDueAt, Instant conversationStartedAt,
        Instant at) {

    public ConversationHandedOver {
        reasons = List.copyOf(reasons);
    }
}
