package dev.baton.conversation.internal;

import dev.baton.shared.ProductCard;
import java.util.List;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of a transcript. {@code role}: SHOPPER, AGENT, MANAGER or SYSTEM. {@code status}: for the shopper's
 * messages PENDING, ANSWERED or NOT_ANSWERED (with the reason in {@code note}); for messages to the shopper the
 * delivery status (PENDING, SENT, DELIVERED, READ, FAILED); NOTE for the team's notes, never sent. An agent reply's
 * {@code inReplyTo} is the shopper's message it answers, its {@code cards} the products it shows.
 */
public record MessageRow(UUID id, long seq, UUID conversationId, String role, String text, String status, String note,
        UUID inReplyTo, Instant createdAt, List<ProductCard> cards) {

    public boolean internalNote() {
        return "NOTE".equals(status);
    }
}
