package dev.baton.shopify.internal;

import dev.baton.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens and the custom app's API secret are encrypted on the way in and decrypted on the way out; the table never
 * holds them in clear.
 */
@Repository
class ShopifyStoreRepository {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    ShopifyStoreRepository(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    void save(ShopifyStore store, String scopes) {
        jdbc.sql("delete from shopify_store where integration_id = :id").param("id", store.integrationId()).update();
        jdbc.sql("""
                insert into shopify_store (integration_id, account_id, shop, access_token, refresh_token,
                    token_expires_at, scopes, api_secret, updated_at)
                values (:id, :account, :shop, :token, :refresh, :expires, :scopes, :secret, :now)""")
                .param("id", store.integrationId()).param("account", store.accountId()).param("shop", store.shop())
                .param("token", secrets.encrypt(store.accessToken()))
                .param("refresh", store.refreshToken() == null ? null : secrets.encrypt(store.refreshToken()))
                .param("expires", store.tokenExpiresAt()).param("scopes", scopes)
                .param("secret", store.apiSecret() == null ? null : secrets.encrypt(store.apiSecret()))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The shop's most recent connection, connected or not (compliance webhooks arrive after an uninstall). */
    Optional<ShopifyStore> findByShop(String shop) {
        return jdbc.sql("select integration_id from shopify_store where shop = :shop order by updated_at desc limit 1")
                .param("shop", shop).query(UUID.class).optional().flatMap(this::find);
    }

    void delete(UUID integrationId) {
        jdbc.sql("delete from shopify_store where integration_id = :id").param("id", integrationId).update();
    }

    Optional<ShopifyStore> find(UUID integrationId) {
        return find(integrationId, "");
    }

    /** The store, its row locked until the transaction ends: one node at a time renews a token. */
    Optional<ShopifyStore> findForUpdate(UUID integrationId) {
        return find(integrationId, " for update");
    }

    /** A renewed token pair; an update, so that a node waiting on the row's lock reads the new pair. */
    void updateTokens(ShopifyStore store, String scopes) {
        jdbc.sql("""
                update shopify_store set access_token = :token, refresh_token = :refresh, token_expires_at = :expires,
                    scopes = coalesce(:scopes, scopes), updated_at = :now
                where integration_id = :id""")
                .param("id", store.integrationId())
                .param("token", secrets.encrypt(store.accessToken()))
                .param("refresh", store.refreshToken() == null ? null : secrets.encrypt(store.refreshToken()))
                .param("expires", store.tokenExpiresAt()).param("scopes", scopes)
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    private Optional<ShopifyStore> find(UUID integrationId, String lock) {
        return jdbc.sql("""
                select integration_id, account_id, shop, access_token, refresh_token, token_expires_at, api_secret
                from shopify_store where integration_id = :id""" + lock)
                .param("id", integrationId)
                .query((rs, n) -> new ShopifyStore(rs.getObject("integration_id", UUID.class),
                        rs.getObject("account_id", UUID.class), rs.getString("shop"),
                        secrets.decrypt(rs.getString("access_token")),
                        rs.getString("refresh_token") == null ? null : secrets.decrypt(rs.getString("refresh_token")),
                        rs.getObject("token_expires_at", OffsetDateTime.class),
                        rs.getString("api_secret") == null ? null : secrets.decrypt(rs.getString("api_secret"))))
                .optional();
    }
}
