package dev.baton.conversation.internal;

import dev.baton.conversation.ConversationStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation as stored. {@code recipient} is the contact's id on the channel, where replies go;
 * {@code handedOverAt}: when it was first handed to the team (null: never).
 */
public record ConversationRow(UUID id, UUID accountId, UUID contactId, String contactName, UUID channelId, UUID leadId,
        ConversationStatus status, String recipient, UUID agentConversationId, Instant createdAt, Instant closedAt,
        Instant handedOverAt) {
}
