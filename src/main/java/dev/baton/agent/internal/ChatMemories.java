package dev.baton.agent.internal;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The chat model's memory of each conversation, in the database: any node continues any conversation. */
@Repository
class ChatMemories implements ChatMemoryStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChatMemories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return jdbc.sql("select messages from agent_chat_memory where conversation_id = :id")
                .param("id", UUID.fromString(memoryId.toString())).query(String.class).optional()
                .map(ChatMessageDeserializer::messagesFromJson).orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        UUID id = UUID.fromString(memoryId.toString());
        String json = ChatMessageSerializer.messagesToJson(messages);
        int updated = jdbc.sql("update agent_chat_memory set messages = :messages, updated_at = :now where conversation_id = :id")
                .param("messages", json).param("now", OffsetDateTime.now(clock)).param("id", id).update();
        if (updated == 0) {
            jdbc.sql("insert into agent_chat_memory (conversation_id, messages, updated_at) values (:id, :messages, :now)")
                    .param("id", id).param("messages", json).param("now", OffsetDateTime.now(clock)).update();
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        jdbc.sql("delete from agent_chat_memory where conversation_id = :id")
                .param("id", UUID.fromString(memoryId.toString())).update();
    }
}
