package dev.baton.channel;

import java.util.UUID;

/** Where an incoming message went: its conversation, and whether it had been received before. */
public record Received(UUID conversationId, UUID messageId, boolean duplicate) {
}
