package dev.baton.analytics.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.baton.analytics.internal.ConversationFactRepository.time;

/**
 * Reads the facts of one account and one period. Counts are grouped in SQL; what needs the time zone or
 * percentiles (handovers per day, waits) is read as rows of the period's handovers only.
 */
@Repository
class AnalyticsQueries {

    private final JdbcClient jdbc;

    AnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Conversations started in the period, by the stage they started in (null: not known). */
    record StageCounts(UUID stageId, long conversations, long handovers, long resolvedByAgent, long resolvedByPeople,
            long open) {
    }

    /** Survey answers of conversations started in the period, by who resolved them. */
    record CsatGroup(String resolvedBy, Boolean agentStarted, long responses, long scoreSum) {
    }

    /** A handover of the period, with what is known about the conversation around it. */
    record HandoverFact(Instant handedOverAt, Instant startedAt, String reason, Instant slaDueAt,
            Instant firstHumanReplyAt, Instant closedAt) {
    }

    List<StageCounts> byStage(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                select stage_id, count(*) as conversations, count(handed_over_at) as handovers,
                    sum(case when resolved_by = 'AGENT' then 1 else 0 end) as by_agent,
                    sum(case when resolved_by = 'PEOPLE' then 1 else 0 end) as by_people,
                    sum(case when closed_at is null then 1 else 0 end) as still_open
                from analytics_conversation
                where account_id = :account and started_at >= :from and started_at < :to
                group by stage_id""")
                .param("account", accountId).param("from", time(from)).param("to", time(to))
                .query((rs, n) -> new StageCounts(rs.getObject("stage_id", UUID.class), rs.getLong("conversations"),
                        rs.getLong("handovers"), rs.getLong("by_agent"), rs.getLong("by_people"),
                        rs.getLong("still_open")))
                .list();
    }

    List<CsatGroup> csat(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                select resolved_by, agent_started, count(*) as responses, sum(csat_score) as score_sum
                from analytics_conversation
                where account_id = :account and started_at >= :from and started_at < :to and csat_score is not null
                group by resolved_by, agent_started""")
                .param("account", accountId).param("from", time(from)).param("to", time(to))
                .query((rs, n) -> new CsatGroup(rs.getString("resolved_by"),
                        (Boolean) rs.getObject("agent_started"), rs.getLong("responses"), rs.getLong("score_sum")))
                .list();
    }

    List<HandoverFact> handovers(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                select handed_over_at, started_at, reason, sla_due_at, first_human_reply_at, closed_at
                from analytics_conversation
                where account_id = :account and handed_over_at >= :from and handed_over_at < :to""")
                .param("account", accountId).param("from", time(from)).param("to", time(to))
                .query((rs, n) -> new HandoverFact(instant(rs, "handed_over_at"), instant(rs, "started_at"),
                        rs.getString("reason"), instant(rs, "sla_due_at"), instant(rs, "first_human_reply_at"),
                        instant(rs, "closed_at")))
                .list();
    }

    /** Every reason named by the period's handovers, counted once per handover that named it. */
    Map<String, Long> allReasons(UUID accountId, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select r.reason, count(*) as handovers
                from analytics_handover_reason r join analytics_conversation f on f.conversation_id = r.conversation_id
                where f.account_id = :account and f.handed_over_at >= :from and f.handed_over_at < :to
                group by r.reason""")
                .param("account", accountId).param("from", time(from)).param("to", time(to))
                .query(rs -> {
                    counts.put(rs.getString("reason"), rs.getLong("handovers"));
                });
        return counts;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
