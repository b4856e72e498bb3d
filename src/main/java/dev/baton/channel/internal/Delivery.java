package dev.baton.channel.internal;

import dev.baton.shared.ProductCard;
import java.util.List;
import java.util.UUID;

/** An outgoing message as the senders see it; {@code id} is the delivery's id (an idempotency key for receivers). */
public record Delivery(UUID id, UUID accountId, UUID channelId, UUID conversationId, UUID messageId, String recipient,
        String role, String text, int attempts, List<ProductCard> cards) {

    public Delivery {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }

    public Delivery(UUID id, UUID accountId, UUID channelId, UUID conversationId, UUID messageId, String recipient,
            String role, String text, int attempts) {
        this(id, accountId, channelId, conversationId, messageId, recipient, role, text, attempts, List.of());
    }
}
