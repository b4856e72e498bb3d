package dev.baton.agent.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Conversations, their messages (each reply with its trace) and handovers; every query names the account. */
@Repository
class AgentConversations {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AgentConversations(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    UUID create(UUID accountId, String kind) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into agent_conversation (id, account_id, kind, state, created_at, updated_at)
                values (:id, :account, :kind, :state, :now, :now)""")
                .param("id", id).param("account", accountId).param("kind", kind)
                .param("state", json.writeValueAsString(ConversationState.fresh())).param("now", now).update();
        return id;
    }

    /** The conversation's state, its row locked: one message of a conversation is answered at a time. */
    Optional<ConversationState> lockState(UUID accountId, UUID id) {
        return jdbc.sql("select state from agent_conversation where account_id = :account and id = :id for update")
                .param("account", accountId).param("id", id).query(String.class).optional()
                .map(state -> json.readValue(state, ConversationState.class));
    }

    void saveState(UUID id, ConversationState state) {
        jdbc.sql("update agent_conversation set state = :state, language = :language, updated_at = :now where id = :id")
                .param("state", json.writeValueAsString(state)).param("language", state.language())
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    void addMessage(UUID accountId, UUID conversationId, String role, String text, Trace trace) {
        jdbc.sql("""
                insert into agent_message (id, conversation_id, account_id, role, text, trace, created_at)
                values (:id, :conversation, :account, :role, :text, :trace, :now)""")
                .param("id", UUID.randomUUID()).param("conversation", conversationId).param("account", accountId)
                .param("role", role).param("text", text).param("trace", trace == null ? null : json.writeValueAsString(trace))
                .param("now", OffsetDateTime.now(clock)).update();
    }

    void addHandover(UUID accountId, UUID conversationId, String reason, String evidence) {
        jdbc.sql("""
                insert into agent_handover (id, conversation_id, account_id, reason, evidence, created_at)
                values (:id, :conversation, :account, :reason, :evidence, :now)""")
                .param("id", UUID.randomUUID()).param("conversation", conversationId).param("account", accountId)
                .param("reason", reason).param("evidence", evidence.length() > 2000 ? evidence.substring(0, 2000) : evidence)
                .param("now", OffsetDateTime.now(clock)).update();
    }

    boolean delete(UUID accountId, UUID id) {
        return jdbc.sql("delete from agent_conversation where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).update() > 0;
    }

    /** What the shopper said in a conversation, in order. */
    List<String> customerMessages(UUID accountId, UUID conversationId) {
        return jdbc.sql("""
                select text from agent_message where account_id = :account and conversation_id = :id and role = 'customer'
                order by created_at, id""")
                .param("account", accountId).param("id", conversationId).query(String.class).list();
    }

    /**
     * The last {@code limit} messages, oldest first, without their traces: what the handover rules read on every turn
     * (a long conversation's older messages and traces are not read again each time).
     */
    List<ConversationMessage> recentMessages(UUID accountId, UUID conversationId, int limit) {
        List<ConversationMessage> newestFirst = jdbc.sql("""
                select role, text from agent_message where account_id = :account and conversation_id = :id
                order by created_at desc, case when role = 'customer' then 1 else 0 end
                limit :limit""")
                .param("account", accountId).param("id", conversationId).param("limit", limit)
                .query((rs, n) -> new ConversationMessage(rs.getString("role"), rs.getString("text"), null))
                .list();
        List<ConversationMessage> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** What was said, oldest first; a shopper's message comes before the reply saved in the same instant. */
    List<ConversationMessage> messages(UUID accountId, UUID conversationId) {
        return jdbc.sql("""
                select role, text, trace from agent_message where account_id = :account and conversation_id = :id
                order by created_at, case when role = 'customer' then 0 else 1 end""")
                .param("account", accountId).param("id", conversationId)
                .query((rs, n) -> new ConversationMessage(rs.getString("role"), rs.getString("text"),
                        rs.getString("trace") == null ? null : json.readValue(rs.getString("trace"), Trace.class)))
                .list();
    }
}
