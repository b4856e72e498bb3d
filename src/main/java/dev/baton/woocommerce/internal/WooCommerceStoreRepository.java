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

    void save(WooCommerceStore store) {
        jdbc.sql("delete from woocommerce_store where integration_id = :id").param("id", store.integrationId()).update();
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
