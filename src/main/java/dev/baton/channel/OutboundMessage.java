package dev.baton.channel;

import dev.baton.shared.ProductCard;
import java.util.List;
import java.util.UUID;

/**
 * A message to send to a contact on a channel: {@code messageId} is the conversation's message id and makes sending
 * it twice impossible; {@code recipient} is the contact's id on the channel (its {@link ContactDetails#externalId()}).
 * {@code role} is AGENT, MANAGER or SYSTEM; {@code cards} the products an agent reply shows beside its text.
 */
public record OutboundMessage(UUID accountId, UUID channelId, UUID conversationId, UUID messageId, String recipient,
        String role, String text, List<ProductCard> cards) {

    public OutboundMessage {
        cards = cards == null ? List.of() : List.copyOf(cards);
    }

    /** A message with no product cards. */
    public OutboundMessage(UUID accountId, UUID channelId, UUID conversationId, UUID messageId, String recipient,
            String role, String text) {
        this(accountId, channelId, conversationId, messageId, recipient, role, text, List.of());
    }
}
