package dev.baton.shopify.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Repository
class ShopifyWebhookRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ShopifyWebhookRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Empty when this event was received before (Shopify delivers at least once). */
    Optional<UUID> insert(UUID accountId, String shop, String topic, String eventId, String payload) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into shopify_webhook (id, account_id, shop, topic, event_id, payload, received_at)
                    values (:id, :account, :shop, :topic, :event, :payload, :now)""")
                    .param("id", id).param("account", accountId).param("shop", shop).param("topic", topic)
                    .param("event", eventId).param("payload", payload).param("now", OffsetDateTime.now(clock))
                    .update();
            return Optional.of(id);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    boolean exists(String eventId) {
        return jdbc.sql("select count(*) from shopify_webhook where event_id = :event").param("event", eventId)
                .query(Long.class).single() > 0;
    }

    Optional<Webhook> find(UUID id) {
        return jdbc.sql("select id, account_id, shop, topic, payload, processed_at from shopify_webhook where id = :id")
                .param("id", id)
                .query((rs, n) -> new Webhook(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("shop"), rs.getString("topic"), rs.getString("payload"),
                        rs.getObject("processed_at", OffsetDateTime.class) != null))
                .optional();
    }

    void markProcessed(UUID id) {
        jdbc.sql("update shopify_webhook set processed_at = :now, error = null where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    /** Compliance: a shop's erased data includes its webhooks, which hold copies of it. */
    void deleteOfShop(String shop) {
        jdbc.sql("delete from shopify_webhook where shop = :shop").param("shop", shop).update();
    }

    record Webhook(UUID id, UUID accountId, String shop, String topic, String payload, boolean processed) {
    }
}
