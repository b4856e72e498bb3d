package dev.baton.channel.internal;

import dev.baton.shared.ProductCard;
import dev.baton.channel.DeliveryStatus;
import dev.baton.channel.OutboundMessage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The delivery of every outgoing message: one row per message, locked while it is being sent. */
@Repository
public class DeliveryRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues the message; false when this message was queued before. */
    boolean insert(UUID id, OutboundMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into channel_delivery (id, account_id, channel_id, conversation_id, message_id, recipient, role,
                    text, cards, status, attempts, next_attempt_at, created_at, updated_at)
                values (:id, :account, :channel, :conversation, :message, :recipient, :role, :text, :cards, 'PENDING', 0,
                    :now, :now, :now)
                on conflict do nothing""")
                .param("id", id).param("account", message.accountId()).param("channel", message.channelId())
                .param("conversation", message.conversationId()).param("message", message.messageId())
                .param("recipient", message.recipient()).param("role", message.role()).param("text", message.text())
                .param("cards", ProductCard.toJson(message.cards())).param("now", now).update() > 0;
    }

    /**
     * The delivery, its row locked, if it is still pending and due; empty if it is done, not yet due, or another
     * node holds it (skip locked: nobody waits, nobody sends it twice).
     */
    Optional<Delivery> lockDue(UUID id) {
        return jdbc.sql("""
                select id, account_id, channel_id, conversation_id, message_id, recipient, role, text, attempts, cards
                from channel_delivery where id = :id and status = 'PENDING' and next_attempt_at <= :now
                for update skip locked""")
                .param("id", id).param("now", OffsetDateTime.now(clock)).query(mapper()).optional();
    }

    /** Pending deliveries that are due: retries whose backoff has passed, and first attempts that never ran. */
    List<UUID> due(int limit) {
        return jdbc.sql("""
                select id from channel_delivery where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at limit :limit""")
                .param("now", OffsetDateTime.now(clock)).param("limit", limit).query(UUID.class).list();
    }

    void sent(UUID id, int attempts, String providerMessageId) {
        jdbc.sql("""
                update channel_delivery set status = 'SENT', attempts = :attempts, provider_message_id = :provider,
                    next_attempt_at = null, last_error = null, updated_at = :now where id = :id""")
                .param("attempts", attempts).param("provider", providerMessageId)
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    void retryAt(UUID id, int attempts, OffsetDateTime next, String error) {
        jdbc.sql("""
                update channel_delivery set attempts = :attempts, next_attempt_at = :next, last_error = :error,
                    updated_at = :now where id = :id""")
                .param("attempts", attempts).param("next", next).param("error", clip(error))
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    void failed(UUID id, int attempts, String error) {
        jdbc.sql("""
                update channel_delivery set status = 'FAILED', attempts = :attempts, next_attempt_at = null,
                    last_error = :error, updated_at = :now where id = :id""")
                .param("attempts", attempts).param("error", clip(error))
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    /**
     * A status the channel reported later (WhatsApp's delivered and read); never moves a message backwards
     * (a late "delivered" after "read" is ignored). Returns the updated delivery.
     */
    public Optional<Delivery> reportStatus(UUID channelId, String providerMessageId, DeliveryStatus status, String error) {
        List<String> before = switch (status) {
            case DELIVERED -> List.of("PENDING", "SENT");
            case READ -> List.of("PENDING", "SENT", "DELIVERED");
            case FAILED -> List.of("PENDING", "SENT");
            default -> List.of();
        };
        if (before.isEmpty()) {
            return Optional.empty();
        }
        int updated = jdbc.sql("""
                update channel_delivery set status = :status, last_error = coalesce(:error, last_error), updated_at = :now
                where channel_id = :channel and provider_message_id = :provider and status in (:before)""")
                .param("status", status.name()).param("error", clip(error)).param("now", OffsetDateTime.now(clock))
                .param("channel", channelId).param("provider", providerMessageId).param("before", before).update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, account_id, channel_id, conversation_id, message_id, recipient, role, text, attempts, cards
                from channel_delivery where channel_id = :channel and provider_message_id = :provider""")
                .param("channel", channelId).param("provider", providerMessageId).query(mapper()).optional();
    }

    /** A delivery's status and last error, for tests and the conversation view. */
    public Optional<StatusView> status(UUID messageId) {
        return jdbc.sql("select status, attempts, last_error from channel_delivery where message_id = :message")
                .param("message", messageId)
                .query((rs, n) -> new StatusView(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getString("last_error")))
                .optional();
    }

    public record StatusView(DeliveryStatus status, int attempts, String lastError) {
    }

    private static String clip(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private static RowMapper<Delivery> mapper() {
        return (rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("channel_id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getObject("message_id", UUID.class), rs.getString("recipient"), rs.getString("role"),
                rs.getString("text"), rs.getInt("attempts"), ProductCard.fromJson(rs.getString("cards")));
    }
}
