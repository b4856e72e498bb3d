package dev.baton.woocommerce.internal;

import dev.baton.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The keys are encrypted on the way in and decrypted on the way out; the table never holds them in clear. */
@Repository
class WooCommerceStoreRepository {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    WooCommerceStoreRepository(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Saves the keys; a store saved again keeps its webhook secret and set-up (the webhooks still use them). */
    void save(WooCommerceStore store) {
        int updated = jdbc.sql("""
                update woocommerce_store set account_id = :account, store_url = :url, consumer_key = :key,
                    consumer_secret = :secret, updated_at = :now
                where integration_id = :id""")
                .param("id", store.integrationId()).param("account", store.accountId())
                .param("url", store.address().url())
                .param("key", secrets.encrypt(store.consumerKey()))
                .param("secret", secrets.encrypt(store.consumerSecret()))
                .param("now", OffsetDateTime.now(clock))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into woocommerce_store (integration_id, account_id, store_url, consumer_key, consumer_secret,
                        updated_at)
                    values (:id, :account, :url, :key, :secret, :now)""")
                    .param("id", store.integrationId()).param("account", store.accountId())
                    .param("url", store.address().url())
                    .param("key", secrets.encrypt(store.consumerKey()))
                    .param("secret", secrets.encrypt(store.consumerSecret()))
                    .param("now", OffsetDateTime.now(clock))
                    .update();
        }
    }

    void saveWebhookSecret(UUID integrationId, String webhookSecret) {
        jdbc.sql("update woocommerce_store set webhook_secret = :secret where integration_id = :id")
                .param("secret", secrets.encrypt(webhookSecret)).param("id", integrationId).update();
    }

    /** Empty for an unknown integration, or a store connected before webhooks had secrets. */
    Optional<String> findWebhookSecret(UUID integrationId) {
        return jdbc.sql("select webhook_secret from woocommerce_store where integration_id = :id")
                .param("id", integrationId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("webhook_secret")).map(secrets::decrypt))
                .optional().flatMap(secret -> secret);
    }

    /**
     * {@code webhooks_checked_at} moves only when the webhooks were found or made right, so a signature refusal
     * stays pending until a set-up has actually rewritten the secrets.
     */
    void recordWebhookSetup(UUID integrationId, WooCommerceWebhookSetup setup) {
        jdbc.sql("""
                update woocommerce_store set webhook_status = :status, webhook_message = :message,
                    webhooks_checked_at = case when :registered then :now else webhooks_checked_at end
                where integration_id = :id""")
                .param("status", setup.status().name()).param("message", setup.message())
                .param("registered", setup.status() == WooCommerceWebhookSetup.Status.REGISTERED)
                .param("now", OffsetDateTime.now(clock)).param("id", integrationId).update();
    }

    /** The last recorded set-up of a known store ({@code setup} null before the first). */
    Optional<RecordedSetup> findWebhookSetup(UUID integrationId) {
        return jdbc.sql("""
                select webhook_status, webhook_message, webhooks_checked_at, signature_refused_at
                from woocommerce_store where integration_id = :id""")
                .param("id", integrationId)
                .query((rs, n) -> new RecordedSetup(rs.getString("webhook_status") == null ? null
                        : new WooCommerceWebhookSetup(WooCommerceWebhookSetup.Status.valueOf(
                                rs.getString("webhook_status")), rs.getString("webhook_message")),
                        rs.getObject("webhooks_checked_at", OffsetDateTime.class),
                        rs.getObject("signature_refused_at", OffsetDateTime.class)))
                .optional();
    }

    /** A delivery's signature did not verify: the store's webhooks may hold another secret. */
    void recordSignatureRefused(UUID integrationId) {
        jdbc.sql("update woocommerce_store set signature_refused_at = :now where integration_id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", integrationId).update();
    }

    /** {@code signatureRefusedAt}: null unless a delivery was refused since the store was connected. */
    record RecordedSetup(WooCommerceWebhookSetup setup, OffsetDateTime checkedAt, OffsetDateTime signatureRefusedAt) {

        boolean signatureRefusedSinceCheck() {
            return signatureRefusedAt != null && (checkedAt == null || signatureRefusedAt.isAfter(checkedAt));
        }
    }

    /** Every store ever connected with keys; whether it still is, the catalog's integration says. */
    List<UUID> integrationIds() {
        return jdbc.sql("select integration_id from woocommerce_store order by updated_at")
                .query((rs, n) -> rs.getObject("integration_id", UUID.class)).list();
    }

    Optional<WooCommerceStore> find(UUID integrationId) {
        return jdbc.sql("""
                select integration_id, account_id, store_url, consumer_key, consumer_secret
                from woocommerce_store where integration_id = :id""")
                .param("id", integrationId)
                .query((rs, n) -> new WooCommerceStore(rs.getObject("integration_id", UUID.class),
                        rs.getObject("account_id", UUID.class), new StoreAddress(rs.getString("store_url")),
                        secrets.decrypt(rs.getString("consumer_key")),
                        secrets.decrypt(rs.getString("consumer_secret"))))
                .optional();
    }
}
