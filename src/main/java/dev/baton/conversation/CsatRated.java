package dev.baton.conversation;

import java.time.Instant;
import java.util.UUID;

/** The shopper answered the satisfaction survey sent after a conversation closed: {@code score} 1 (poor) to 5. */
public record CsatRated(UUID accountId, UUID conversationId, int score, Instant at) {
}
