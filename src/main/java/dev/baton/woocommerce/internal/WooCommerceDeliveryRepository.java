package dev.baton.woocommerce.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Verified webhook deliveries, one per state of a resource. */
@Repository
class WooCommerceDeliveryRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    WooCommerceDeliveryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean exists(UUID integrationId, String resource, long resourceId, String version) {
        return jdbc.sql("""
                select count(*) from woocommerce_webhook_delivery
                where integration_id = :integration and resource = :resource and resource_id = :resourceId
                    and version = :version""")
                .param("integration", integrationId).param("resource", resource).param("resourceId", resourceId)
                .param("version", version).query(Long.class).single() > 0;
    }

    /** Empty when this state was received before (a concurrent duplicate hits the unique key). */
    Optional<UUID> insert(UUID integrationId, UUID accountId, String topic, String resource, long resourceId,
            String version, String payload) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into woocommerce_webhook_delivery (id, integration_id, account_id, topic, resource,
                        resource_id, version, payload, received_at)
                    values (:id, :integration, :account, :topic, :resource, :resourceId, :version, :payload, :now)""")
                    .param("id", id).param("integration", integrationId).param("account", accountId)
                    .param("topic", topic).param("resource", resource).param("resourceId", resourceId)
                    .param("version", version).param("payload", payload).param("now", OffsetDateTime.now(clock))
                    .update();
            return Optional.of(id);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("""
                select id, integration_id, account_id, topic, resource_id, payload, received_at, processed_at
                from woocommerce_webhook_delivery where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Delivery(rs.getObject("id", UUID.class),
                        rs.getObject("integration_id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("topic"), rs.getLong("resource_id"), rs.getString("payload"),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getObject("processed_at", OffsetDateTime.class) != null))
                .optional();
    }

    /** When the product's latest deletion was received; empty if it never was. */
    Optional<OffsetDateTime> lastDeletion(UUID integrationId, long productId) {
        return jdbc.sql("""
                select max(received_at) from woocommerce_webhook_delivery
                where integration_id = :integration and resource = 'product' and resource_id = :resourceId
                    and topic = 'product.deleted'""")
                .param("integration", integrationId).param("resourceId", productId)
                .query(OffsetDateTime.class).optional();
    }

    void markProcessed(UUID id) {
        jdbc.sql("update woocommerce_webhook_delivery set processed_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    record Delivery(UUID id, UUID integrationId, UUID accountId, String topic, long resourceId, String payload,
            OffsetDateTime receivedAt, boolean processed) {
    }
}
