package dev.baton.conversation.internal;

import dev.baton.conversation.Conversations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** {@link Conversations} for other modules, over the conversation service. */
@Component
class ConversationsFacade implements Conversations {

    private final ConversationService conversations;
    private final ConversationRepository repository;

    ConversationsFacade(ConversationService conversations, ConversationRepository repository) {
        this.conversations = conversations;
        this.repository = repository;
    }

    @Override
    public Conversation get(UUID accountId, UUID conversationId) {
        ConversationRow row = conversations.get(accountId, conversationId);
        return new Conversation(row.id(), row.leadId(), row.contactId(), row.contactName(), row.channelId(),
                row.status(), row.createdAt());
    }

    @Override
    public List<Entry> transcript(UUID accountId, UUID conversationId, long afterSeq, int limit) {
        return conversations.messages(accountId, conversationId, afterSeq, limit).stream()
                .map(m -> new Entry(m.seq(), m.id(), m.role(), m.text(), m.status(), m.note(), m.createdAt()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long lastSeq(UUID accountId, Collection<UUID> conversationIds) {
        return repository.lastSeq(accountId, conversationIds);
    }

    @Override
    public UUID reply(UUID accountId, UUID conversationId, String text, UUID userId, String who) {
        return conversations.reply(accountId, conversationId, text, userId, who);
    }

    @Override
    public void close(UUID accountId, UUID conversationId, String who) {
        conversations.close(accountId, conversationId, who);
    }

    @Override
    public void handBack(UUID accountId, UUID conversationId, String who) {
        conversations.handBack(accountId, conversationId, who);
    }
}
