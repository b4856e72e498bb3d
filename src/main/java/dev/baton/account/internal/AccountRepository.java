package dev.baton.account.internal;

import dev.baton.account.AccountSettings;
import dev.baton.account.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long countAccounts() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    UUID createAccount(String name, String currency, String defaultLanguage, String timeZone) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into account (id, name, currency, default_language, time_zone, created_at)
                values (:id, :name, :currency, :language, :timeZone, :now)""")
                .param("id", id).param("name", name).param("currency", currency)
                .param("language", defaultLanguage).param("timeZone", timeZone).param("now", now())
                .update();
        return id;
    }

    UUID createUser(UUID accountId, String username, String passwordHash, Role role) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, account_id, username, password_hash, role, created_at)
                values (:id, :accountId, :username, :hash, :role, :now)""")
                .param("id", id).param("accountId", accountId).param("username", username)
                .param("hash", passwordHash).param("role", role.name()).param("now", now())
                .update();
        return id;
    }

    Optional<StoredUser> findUser(String username) {
        return jdbc.sql("select id, account_id, username, password_hash, role from app_user where username = :username")
                .param("username", username)
                .query((rs, n) -> new StoredUser(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role"))))
                .optional();
    }

    void createApiKey(UUID accountId, String keyHash, String label) {
        jdbc.sql("""
                insert into api_key (id, account_id, key_hash, label, created_at)
                values (:id, :accountId, :hash, :label, :now)""")
                .param("id", UUID.randomUUID()).param("accountId", accountId).param("hash", keyHash)
                .param("label", label).param("now", now())
                .update();
    }

    Optional<UUID> findAccountByKeyHash(String keyHash) {
        return jdbc.sql("select account_id from api_key where key_hash = :hash")
                .param("hash", keyHash).query(UUID.class).optional();
    }

    Optional<AccountSettings> findSettings(UUID accountId) {
        return jdbc.sql("select id, name, currency, default_language, time_zone from account where id = :id")
                .param("id", accountId)
                .query((rs, n) -> new AccountSettings(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("currency"), rs.getString("default_language"), rs.getString("time_zone")))
                .optional();
    }

    void updateCurrency(UUID accountId, String currency) {
        jdbc.sql("update account set currency = :currency where id = :id")
                .param("currency", currency).param("id", accountId).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    record StoredUser(UUID id, UUID accountId, String username, String passwordHash, Role role) {
    }
}
