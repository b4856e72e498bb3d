package dev.baton.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation was closed (by a person, the API, or after it went quiet). {@code agentStarted}: the agent answered
 * in it; {@code handedOver}: it was handed to the team at some point, so people resolved it.
 */
public record ConversationClosed(UUID accountId, UUID conversationId, UUID leadId, UUID stageId, boolean agentStarted,
        boolean handedOver, Instant startedAt, Instant at) {
}
