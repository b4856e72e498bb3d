package dev.baton.conversation.internal;

import dev.baton.conversation.ConversationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The satisfaction survey on conversations; every query names the account. */
@Repository
class SurveyRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    SurveyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A contact's latest conversation on a channel, as far as the survey is concerned. */
    record Latest(UUID id, ConversationStatus status, Instant askedAt, Integer score, String recipient) {
    }

    Optional<Latest> latest(UUID accountId, UUID contactId, UUID channelId) {
        return jdbc.sql("""
                select id, status, csat_asked_at, csat_score, recipient from conversation
                where account_id = :account and contact_id = :contact and channel_id = :channel
                order by created_at desc limit 1""")
                .param("account", accountId).param("contact", contactId).param("channel", channelId)
                .query((rs, n) -> {
                    OffsetDateTime asked = rs.getObject("csat_asked_at", OffsetDateTime.class);
                    return new Latest(rs.getObject("id", UUID.class), ConversationStatus.valueOf(rs.getString("status")),
                            asked == null ? null : asked.toInstant(), (Integer) rs.getObject("csat_score", Integer.class),
                            rs.getString("recipient"));
                })
                .optional();
    }

    /** Marks the conversation asked; false when it was asked before (the close event delivered again). */
    boolean markAsked(UUID accountId, UUID conversationId) {
        return jdbc.sql("""
                update conversation set csat_asked_at = :now
                where account_id = :account and id = :id and csat_asked_at is null""")
                .param("now", OffsetDateTime.now(clock)).param("account", accountId).param("id", conversationId)
                .update() > 0;
    }

    /**
     * Stores the score if the closed conversation was asked since {@code askedSince} and has none yet; false
     * otherwise. The update locks the row, so of two answers at once only the first counts.
     */
    boolean rate(UUID accountId, UUID conversationId, int score, Instant askedSince) {
        return jdbc.sql("""
                update conversation set csat_score = :score, csat_rated_at = :now
                where account_id = :account and id = :id and status = 'CLOSED' and csat_score is null
                and csat_asked_at >= :since""")
                .param("score", score).param("now", OffsetDateTime.now(clock))
                .param("since", OffsetDateTime.ofInstant(askedSince, ZoneOffset.UTC))
                .param("account", accountId).param("id", conversationId).update() > 0;
    }

    /** The shopper's answer, stored as handled; false when this channel message id was stored before. */
    boolean insertAnswer(UUID id, UUID accountId, UUID conversationId, UUID channelId, String externalId, String text) {
        return jdbc.sql("""
                insert into conversation_message (id, account_id, conversation_id, role, text, channel_id, external_id,
                    status, note, created_at)
                values (:id, :account, :conversation, 'SHOPPER', :text, :channel, :external, 'ANSWERED',
                    'the answer to the satisfaction survey', :now)
                on conflict do nothing""")
                .param("id", id).param("account", accountId).param("conversation", conversationId)
                .param("text", text).param("channel", channelId).param("external", externalId)
                .param("now", OffsetDateTime.now(clock)).update() > 0;
    }
}
