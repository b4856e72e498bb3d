package dev.baton.woocommerce.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-click connect's nonces: each is issued to one account for one store, is good for one callback, and dies
 * after {@link #LIFETIME}. The callback arrives without a session, so the nonce is all that says whose keys they are.
 */
@Repository
class ConnectNonces {

    /** Long enough to sign in to WordPress and read the consent screen; short enough that a leaked link dies. */
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ConnectNonces(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(UUID accountId, StoreAddress store) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String nonce = HexFormat.of().formatHex(random);
        jdbc.sql("""
                insert into woocommerce_connect_nonce (nonce, account_id, store_url, expires_at)
                values (:nonce, :account, :store, :expires)""")
                .param("nonce", nonce).param("account", accountId).param("store", store.url())
                .param("expires", OffsetDateTime.now(clock).plus(LIFETIME)).update();
        return nonce;
    }

    /**
     * Single use: the row is deleted as it is read, so a replay finds nothing; of two callbacks racing with the same
     * nonce (on two nodes) only the one whose delete removed the row gets it. Expired rows go at the same time.
     * Runs in the caller's transaction.
     */
    Optional<Pending> take(String nonce) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Pending> pending = find(nonce);
        int deleted = jdbc.sql("delete from woocommerce_connect_nonce where nonce = :nonce")
                .param("nonce", nonce).update();
        jdbc.sql("delete from woocommerce_connect_nonce where expires_at < :now").param("now", now).update();
        return pending.filter(p -> deleted == 1 && p.expiresAt().isAfter(now));
    }

    /** The owner came back without the callback having used the nonce (declined, or it never came): it goes. */
    void discard(UUID accountId, String nonce) {
        jdbc.sql("delete from woocommerce_connect_nonce where nonce = :nonce and account_id = :account")
                .param("nonce", nonce).param("account", accountId).update();
    }

    private Optional<Pending> find(String nonce) {
        return jdbc.sql("select account_id, store_url, expires_at from woocommerce_connect_nonce where nonce = :nonce")
                .param("nonce", nonce)
                .query((rs, n) -> new Pending(rs.getObject("account_id", UUID.class),
                        new StoreAddress(rs.getString("store_url")), rs.getObject("expires_at", OffsetDateTime.class)))
                .optional();
    }

    record Pending(UUID accountId, StoreAddress store, OffsetDateTime expiresAt) {
    }
}
