package dev.baton.channel;

import java.util.UUID;

/**
 * A message to send to a contact on a channel: {@code messageId} is the conversation's message id and makes sending
 * it twice impossible; {@code recipient} is the contact's id on the channel (its {@link ContactDetails#externalId()}).
 * {@code role} is AGENT, MANAGER or SYSTEM.
 */
public record OutboundMessage(UUID accountId, UUID channelId, UUID conversationId, UUID messageId, String recipient,
        String role, String text) {
}
