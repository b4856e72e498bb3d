package dev.baton.channel;

import java.util.UUID;

/**
 * A message a shopper sent on a channel. {@code externalMessageId} is the channel's id for it and makes a repeated
 * delivery harmless. {@code text} is null when the shopper sent something other than text; {@code unsupportedType}
 * then names it ("image", "audio"...).
 */
public record InboundMessage(UUID accountId, UUID channelId, String externalMessageId, ContactDetails contact,
        String text, String unsupportedType) {

    public static InboundMessage text(UUID accountId, UUID channelId, String externalMessageId, ContactDetails contact,
            String text) {
        return new InboundMessage(accountId, channelId, externalMessageId, contact, text, null);
    }
}
