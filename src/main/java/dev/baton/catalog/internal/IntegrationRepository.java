package dev.baton.catalog.internal;

import dev.baton.catalog.CatalogOrigin;
import dev.baton.catalog.StoreIntegration;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class IntegrationRepository {

    private static final String COLUMNS = "id, account_id, platform, store_address, status, connected_at, last_synced_at";

    private static final RowMapper<StoreIntegration> MAPPER = (rs, n) -> new StoreIntegration(
            rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
            CatalogOrigin.valueOf(rs.getString("platform")), rs.getString("store_address"),
            "CONNECTED".equals(rs.getString("status")), rs.getObject("connected_at", OffsetDateTime.class),
            rs.getObject("last_synced_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    IntegrationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Fails with a duplicate key when the account has another store connected. */
    UUID insertConnected(UUID accountId, CatalogOrigin platform, String storeAddress) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into store_integration (id, account_id, platform, store_address, status, active_account_id,
                    connected_at)
                values (:id, :account, :platform, :address, 'CONNECTED', :account, :now)""")
                .param("id", id).param("account", accountId).param("platform", platform.name())
                .param("address", storeAddress).param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    Optional<StoreIntegration> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from store_integration where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).query(MAPPER).optional();
    }

    Optional<StoreIntegration> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from store_integration where id = :id")
                .param("id", id).query(MAPPER).optional();
    }

    Optional<StoreIntegration> findConnected(CatalogOrigin platform, String storeAddress) {
        return jdbc.sql("select " + COLUMNS + " from store_integration"
                        + " where platform = :platform and store_address = :address and status = 'CONNECTED'")
                .param("platform", platform.name()).param("address", storeAddress).query(MAPPER).optional();
    }

    List<StoreIntegration> findAllConnected() {
        return jdbc.sql("select " + COLUMNS + " from store_integration where status = 'CONNECTED'").query(MAPPER).list();
    }

    List<StoreIntegration> findAll(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from store_integration where account_id = :account order by connected_at desc")
                .param("account", accountId).query(MAPPER).list();
    }

    void disconnect(UUID id) {
        jdbc.sql("""
                update store_integration set status = 'DISCONNECTED', active_account_id = null, disconnected_at = :now
                where id = :id""")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    void markSynced(UUID id) {
        jdbc.sql("update store_integration set last_synced_at = :now where id = :id")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }
}
