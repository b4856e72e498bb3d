package dev.baton.catalog.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

@Repository
class SyncJobRepository {

    private static final String COLUMNS = "id, account_id, integration_id, status, phase, attempt, page_cursor, total, done, "
            + "failed, error, created_at, started_at, finished_at";

    private static final RowMapper<SyncJob> MAPPER = (rs, n) -> new SyncJob(rs.getObject("id", UUID.class),
            rs.getObject("account_id", UUID.class), rs.getObject("integration_id", UUID.class),
            SyncJob.Status.valueOf(rs.getString("status")), SyncJob.Phase.valueOf(rs.getString("phase")), rs.getInt("attempt"),
            rs.getString("page_cursor"), rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"),
            rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncJobRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<SyncJob> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sync_job where id = :id").param("id", id).query(MAPPER).optional();
    }

    Optional<SyncJob> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sync_job where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).query(MAPPER).optional();
    }

    /** The account's queued or running job, if any. */
    Optional<SyncJob> findUnfinished(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from sync_job where running_account_id = :account")
                .param("account", accountId).query(MAPPER).optional();
    }

    /** Queued jobs, for the sweep that hands them to the scheduler again (a node may have died in between). */
    java.util.List<SyncJob> findQueued() {
        return jdbc.sql("select " + COLUMNS + " from sync_job where status = 'QUEUED'").query(MAPPER).list();
    }

    Optional<SyncJob> findLatest(UUID integrationId) {
        return jdbc.sql("select " + COLUMNS + " from sync_job where integration_id = :integration "
                        + "order by created_at desc limit 1")
                .param("integration", integrationId).query(MAPPER).optional();
    }

    /**
     * A new queued job, unless the account already has a queued or running one ({@code running_account_id} is
     * unique): then nothing is inserted, without failing the transaction, and the answer is empty.
     */
    Optional<UUID> insertQueued(UUID accountId, UUID integrationId) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into sync_job (id, account_id, integration_id, status, running_account_id, phase, created_at)
                values (:id, :account, :integration, 'QUEUED', :account, 'STORE', :now)
                on conflict do nothing""")
                .param("id", id).param("account", accountId).param("integration", integrationId)
                .param("now", now()).update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * A failed job is queued again where it stopped. Answers false when it was no longer failed: another node
     * queued it a moment ago, and must be the only one to hand it over.
     */
    boolean requeue(UUID id, UUID accountId) {
        return jdbc.sql("""
                update sync_job set status = 'QUEUED', running_account_id = :account, error = null, finished_at = null,
                    attempt = attempt + 1
                where id = :id and status = 'FAILED'""")
                .param("id", id).param("account", accountId).update() == 1;
    }

    void markRunning(UUID id) {
        jdbc.sql("update sync_job set status = 'RUNNING', started_at = coalesce(started_at, :now) where id = :id")
                .param("now", now()).param("id", id).update();
    }

    void moveTo(UUID id, SyncJob.Phase phase) {
        jdbc.sql("update sync_job set phase = :phase, page_cursor = null where id = :id")
                .param("phase", phase.name()).param("id", id).update();
    }

    void setTotal(UUID id, long total) {
        jdbc.sql("update sync_job set total = :total where id = :id")
                .param("total", (int) Math.min(total, Integer.MAX_VALUE)).param("id", id).update();
    }

    /** A page was saved: the cursor after it, and how many items it held. */
    void pageDone(UUID id, String nextCursor, int items) {
        jdbc.sql("update sync_job set page_cursor = :cursor, done = done + :items where id = :id")
                .param("cursor", nextCursor).param("items", items).param("id", id).update();
    }

    void markSucceeded(UUID id) {
        jdbc.sql("""
                update sync_job set status = 'SUCCEEDED', phase = 'DONE', running_account_id = null, finished_at = :now,
                    error = null
                where id = :id""")
                .param("now", now()).param("id", id).update();
    }

    /** Keeps phase and cursor: starting the sync again resumes from there. */
    void markFailed(UUID id, String error) {
        jdbc.sql("""
                update sync_job set status = 'FAILED', running_account_id = null, finished_at = :now, error = :error
                where id = :id""")
                .param("now", now()).param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("id", id).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
