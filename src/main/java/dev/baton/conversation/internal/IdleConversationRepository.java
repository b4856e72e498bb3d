package dev.baton.conversation.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Conversations the agent serves that went quiet, by each account's idle-close setting. */
@Repository
class IdleConversationRepository {

    private final JdbcClient jdbc;

    IdleConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The idle-close thresholds in use (minutes) by accounts with a conversation the agent serves; 0 left out. */
    List<Integer> idleThresholds(int defaultMinutes) {
        return jdbc.sql("""
                select distinct coalesce(s.idle_close_after_minutes, :default) as minutes
                from conversation c left join conversation_settings s on s.account_id = c.account_id
                where c.status = 'AI_ACTIVE'""")
                .param("default", defaultMinutes).query(Integer.class).list().stream()
                .filter(minutes -> minutes > 0).toList();
    }

    record Idle(UUID accountId, UUID conversationId) {
    }

    /** Conversations the agent serves, of accounts with this threshold, with no message since {@code cutoff}. */
    List<Idle> idleSince(int minutes, int defaultMinutes, Instant cutoff, int limit) {
        return jdbc.sql("""
                select c.account_id, c.id
                from conversation c left join conversation_settings s on s.account_id = c.account_id
                where c.status = 'AI_ACTIVE' and coalesce(s.idle_close_after_minutes, :default) = :minutes
                and not exists (select 1 from conversation_message m
                    where m.conversation_id = c.id and m.created_at >= :cutoff)
                limit :limit""")
                .param("default", defaultMinutes).param("minutes", minutes)
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).param("limit", limit)
                .query((rs, n) -> new Idle(rs.getObject("account_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
    }

    /** Whether a message came after {@code cutoff}; asked again under the conversation's lock before closing it. */
    boolean hasMessageSince(UUID conversationId, Instant cutoff) {
        return jdbc.sql("""
                select count(*) from conversation_message where conversation_id = :id and created_at >= :cutoff""")
                .param("id", conversationId).param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query(Long.class).single() > 0;
    }
}
