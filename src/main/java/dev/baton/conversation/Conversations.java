package dev.baton.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Conversations as the inbox works with them: read one and its transcript, reply, close, hand back. */
public interface Conversations {

    /** The conversation; 404 (BatonException) when it is not the account's. */
    Conversation get(UUID accountId, UUID conversationId);

    /** The transcript after {@code afterSeq}, in order, team notes included. */
    List<Entry> transcript(UUID accountId, UUID conversationId, long afterSeq, int limit);

    /** The highest message sequence number among these conversations (0: none): changes when anyone writes. */
    long lastSeq(UUID accountId, Collection<UUID> conversationIds);

    /** A person's reply, sent through the shopper's channel; the agent stops speaking here. */
    UUID reply(UUID accountId, UUID conversationId, String text, UUID userId, String who);

    void close(UUID accountId, UUID conversationId, String who);

    /** Back to the agent, which starts afresh; 409 when it was stopped for good or the conversation is closed. */
    void handBack(UUID accountId, UUID conversationId, String who);

    /** {@code channelId}: where the shopper wrote, and where replies go. */
    record Conversation(UUID id, UUID leadId, UUID contactId, String contactName, UUID channelId,
            ConversationStatus status, Instant createdAt) {
    }

    /** A line: {@code role} SHOPPER, AGENT, MANAGER or SYSTEM; {@code status} its delivery state, NOTE for team notes. */
    record Entry(long seq, UUID id, String role, String text, String status, String note, Instant createdAt) {

        public boolean teamNote() {
            return "NOTE".equals(status);
        }
    }
}
