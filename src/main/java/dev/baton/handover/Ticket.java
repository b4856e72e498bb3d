package dev.baton.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A handover's ticket: status (OPEN, RESOLVED, HANDED_BACK), category (the most pressing reason), all reasons with
 * their evidence, priority (URGENT, HIGH, NORMAL), the manager it is assigned to (null: unassigned; with
 * {@code assignedGroup}: only that group's members take it), unread for the team, when a person should answer by,
 * and the summary for the manager ({@code summarySource} EXTRACTIVE, MODEL, or OFF when summaries are switched off).
 */
public record Ticket(UUID id, UUID accountId, UUID conversationId, UUID leadId, UUID stageId, UUID contactId,
        String contactName, String channelKind, String language, String status, String category, List<String> reasons,
        List<String> evidence, String priority, UUID assigneeId, String assignedGroup, boolean unread,
        Instant slaDueAt, String summary, String summarySource, Instant firstReplyAt, Instant closedAt,
        Instant createdAt) {

    public Ticket {
        reasons = List.copyOf(reasons);
        evidence = List.copyOf(evidence);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }
}
