package dev.baton.conversation;

import java.time.Instant;
import java.util.UUID;

/** A person of the team wrote to the shopper ({@code userId} null when it came through the API). */
public record ManagerReplied(UUID accountId, UUID conversationId, UUID userId, Instant at) {
}
