package dev.baton.channel;

import java.util.UUID;

/** An outgoing message's delivery changed; {@code error} says why when it FAILED (or why the last attempt failed). */
public record DeliveryUpdated(UUID accountId, UUID conversationId, UUID messageId, DeliveryStatus status, String error) {
}
