package dev.baton.inbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One handed-over conversation in the inbox (the shape of {@code GET /api/v1/inbox}'s items): the contact and their
 * channel, the reason codes (the category first), the summary, unread, the manager it is assigned to (null:
 * unassigned; {@code assignedGroup}: waiting for that group) and when a person should answer by.
 */
public record InboxItem(UUID conversationId, UUID leadId, Contact contact, List<String> reasons, String category,
        String priority, String summary, boolean unread, Person assignee, String assignedGroup, Instant slaDueAt,
        Instant handedOverAt, Instant firstReplyAt) {

    public record Contact(UUID id, String name, String channel) {
    }

    public record Person(UUID id, String name) {
    }

    /** Overdue: no person answered and the due time passed. */
    public boolean overdue(Instant now) {
        return firstReplyAt == null && slaDueAt.isBefore(now);
    }
}
