package dev.baton.channel.internal;

import java.util.UUID;

/** An outgoing message as the senders see it; {@code id} is the delivery's id (an idempotency key for receivers). */
public record Delivery(UUID id, UUID accountId, UUID channelId, UUID conversationId, UUID messageId, String recipient,
        String role, String text, int attempts) {
}
