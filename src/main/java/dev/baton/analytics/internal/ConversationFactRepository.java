package dev.baton.analytics.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes the facts: each method locks the conversation's row (creating it if it is missing) and sets only the
 * columns its event knows, so the events of one conversation may arrive in any order, more than once, and at the
 * same time. Every statement names the account.
 */
@Repository
class ConversationFactRepository {

    private final JdbcClient jdbc;

    ConversationFactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The conversation's row, created empty if no event made it yet, and locked until the transaction ends: the
     * events of one conversation are applied one at a time, each seeing what the one before committed. False when
     * the row belongs to another account (the event is ignored).
     */
    boolean lock(UUID accountId, UUID conversationId) {
        // both databases wait here for a row another transaction is inserting, then do nothing
        jdbc.sql("""
                insert into analytics_conversation (conversation_id, account_id) values (:id, :account)
                on conflict do nothing""")
                .param("id", conversationId).param("account", accountId).update();
        return jdbc.sql("select account_id from analytics_conversation where conversation_id = :id for update")
                .param("id", conversationId).query(UUID.class).single().equals(accountId);
    }

    void started(UUID accountId, UUID conversationId, UUID leadId, UUID stageId, String channelKind, Instant at) {
        if (!lock(accountId, conversationId)) {
            return;
        }
        jdbc.sql("""
                update analytics_conversation set lead_id = :lead, stage_id = :stage, channel_kind = :kind,
                    started_at = :at
                where account_id = :account and conversation_id = :id""")
                .param("lead", leadId).param("stage", stageId).param("kind", channelKind).param("at", time(at))
                .param("account", accountId).param("id", conversationId).update();
    }

    /**
     * What a later event also knows about the start: used only while the start itself is unknown. Called with the
     * row locked by that event's own write.
     */
    void startKnownFromLater(UUID accountId, UUID conversationId, UUID leadId, UUID stageId, Instant startedAt) {
        jdbc.sql("""
                update analytics_conversation set lead_id = coalesce(lead_id, :lead),
                    stage_id = coalesce(stage_id, :stage), started_at = coalesce(started_at, :started)
                where account_id = :account and conversation_id = :id""")
                .param("lead", leadId).param("stage", stageId).param("started", time(startedAt))
                .param("account", accountId).param("id", conversationId).update();
    }

    /**
     * Records the handover if it is the conversation's first known one (an earlier one arriving late replaces a
     * later one); answers whether it did.
     */
    boolean handedOver(UUID accountId, UUID conversationId, Instant at, List<String> reasons, String priority,
            Instant slaDueAt) {
        if (!lock(accountId, conversationId)) {
            return false;
        }
        boolean first = jdbc.sql("""
                update analytics_conversation set handed_over_at = :at, reason = :reason, priority = :priority,
                    sla_due_at = :due, agent_started = coalesce(agent_started, true)
                where account_id = :account and conversation_id = :id
                and (handed_over_at is null or handed_over_at > :at)""")
                .param("at", time(at)).param("reason", reasons.isEmpty() ? null : reasons.get(0))
                .param("priority", priority).param("due", time(slaDueAt))
                .param("account", accountId).param("id", conversationId).update() > 0;
        if (first) {
            jdbc.sql("delete from analytics_handover_reason where conversation_id = :id").param("id", conversationId)
                    .update();
            for (int i = 0; i < reasons.size(); i++) {
                jdbc.sql("""
                        insert into analytics_handover_reason (conversation_id, reason_index, reason)
                        values (:id, :index, :reason)""")
                        .param("id", conversationId).param("index", i).param("reason", reasons.get(i)).update();
            }
            firstHumanReply(accountId, conversationId);
        }
        return first;
    }

    void managerReplied(UUID accountId, UUID conversationId, Instant at) {
        if (!lock(accountId, conversationId)) {
            return;
        }
        jdbc.sql("""
                insert into analytics_manager_reply (conversation_id, replied_at) values (:id, :at)
                on conflict do nothing""")
                .param("id", conversationId).param("at", time(at)).update();
        firstHumanReply(accountId, conversationId);
    }

    void closed(UUID accountId, UUID conversationId, Instant at, boolean agentStarted, String resolvedBy) {
        if (!lock(accountId, conversationId)) {
            return;
        }
        jdbc.sql("""
                update analytics_conversation set closed_at = :at, agent_started = :agent, resolved_by = :by
                where account_id = :account and conversation_id = :id""")
                .param("at", time(at)).param("agent", agentStarted).param("by", resolvedBy)
                .param("account", accountId).param("id", conversationId).update();
    }

    /** The survey's answer; only the first one counts. */
    void rated(UUID accountId, UUID conversationId, int score, Instant at) {
        if (!lock(accountId, conversationId)) {
            return;
        }
        jdbc.sql("""
                update analytics_conversation set csat_score = :score, csat_at = :at
                where account_id = :account and conversation_id = :id and csat_score is null""")
                .param("score", score).param("at", time(at)).param("account", accountId).param("id", conversationId)
                .update();
    }

    /**
     * The earliest reply at or after the handover: worked out again whenever a reply or the handover arrives, in a
     * statement of its own after the row was locked, so it sees every reply committed before.
     */
    private void firstHumanReply(UUID accountId, UUID conversationId) {
        jdbc.sql("""
                update analytics_conversation f set first_human_reply_at = (
                    select min(r.replied_at) from analytics_manager_reply r
                    where r.conversation_id = f.conversation_id and r.replied_at >= f.handed_over_at)
                where f.account_id = :account and f.conversation_id = :id""")
                .param("account", accountId).param("id", conversationId).update();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
