package dev.baton.channel;

import java.util.List;
import java.util.UUID;

/**
 * What channel adapters hand incoming messages to; the conversation module implements it. Channels depend on this
 * port only, so conversations can use channels without a cycle.
 */
public interface ConversationGateway {

    /**
     * Stores an incoming message in the contact's open conversation on that channel (a new one if none is open) and
     * queues it to be answered; the caller's transaction commits both. A message id seen before changes nothing
     * and answers the same conversation with {@code duplicate} set.
     */
    Received receive(InboundMessage message);

    /**
     * What the contact with this channel id sees on the channel (their own messages and the replies, in order),
     * after {@code afterSeq}, at most {@code limit} lines: for the web chat widget across page loads.
     */
    List<TranscriptLine> transcript(UUID accountId, UUID channelId, String contactExternalId, long afterSeq, int limit);
}
