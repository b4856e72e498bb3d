package dev.baton.knowledge.internal;

import dev.baton.knowledge.SourceOrigin;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query names the account: a source of another account is simply not found. */
@Repository
class SourceRepository {

    private static final String COLUMNS = """
            id, account_id, origin, external_ref, title, body, content_hash, status, status_reason, locked, archived,
            archived_reason, indexed_hash, embedding_model, chunk_count, created_at, updated_at""";

    private static final RowMapper<Source> MAPPER = (rs, n) -> new Source(
            rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
            SourceOrigin.valueOf(rs.getString("origin")), rs.getString("external_ref"), rs.getString("title"),
            rs.getString("body"), rs.getString("content_hash"), SourceStatus.valueOf(rs.getString("status")),
            rs.getString("status_reason"), rs.getBoolean("locked"), rs.getBoolean("archived"),
            rs.getString("archived_reason"), rs.getString("indexed_hash"), rs.getString("embedding_model"), rs.getInt("chunk_count"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    SourceRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Source> findAll(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_source where account_id = :account order by origin, title")
                .param("account", accountId).query(MAPPER).list();
    }

    /** One page of the account's sources that match the filter, in the order of {@link #findAll}. */
    List<Source> findPage(UUID accountId, SourceFilter filter, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_source where account_id = :account" + filter.where()
                        + " order by origin, title, id limit :limit offset :offset")
                .param("account", accountId).params(filter.params())
                .param("limit", limit).param("offset", offset).query(MAPPER).list();
    }

    long countMatching(UUID accountId, SourceFilter filter) {
        return jdbc.sql("select count(*) from knowledge_source where account_id = :account" + filter.where())
                .param("account", accountId).params(filter.params()).query(Long.class).single();
    }

    SourceCounts counts(UUID accountId) {
        return jdbc.sql("""
                select count(*) as total,
                    coalesce(sum(case when not archived and status = 'INDEXED' then 1 else 0 end), 0) as indexed,
                    coalesce(sum(case when not archived and status = 'PENDING' then 1 else 0 end), 0) as pending,
                    coalesce(sum(case when not archived and status = 'FAILED' then 1 else 0 end), 0) as failed,
                    coalesce(sum(case when archived then 1 else 0 end), 0) as archived
                from knowledge_source where account_id = :account""")
                .param("account", accountId)
                .query((rs, n) -> new SourceCounts(rs.getLong("total"), rs.getLong("indexed"), rs.getLong("pending"),
                        rs.getLong("failed"), rs.getLong("archived")))
                .single();
    }

    Optional<Source> find(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_source where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).query(MAPPER).optional();
    }

    /** Locks the row until the transaction ends, so one source is indexed by one worker at a time. */
    Optional<Source> findForUpdate(UUID accountId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_source where account_id = :account and id = :id for update")
                .param("account", accountId).param("id", id).query(MAPPER).optional();
    }

    /** The sources among {@code ids}, their rows locked in id order (two batches never wait on each other in a cycle). */
    List<Source> findAllForUpdate(UUID accountId, List<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_source where account_id = :account and id in (:ids) "
                        + "order by id for update")
                .param("account", accountId).param("ids", ids).query(MAPPER).list();
    }

    Optional<Source> findSynced(UUID accountId, SourceOrigin origin, String externalRef) {
        return jdbc.sql("select " + COLUMNS
                        + " from knowledge_source where account_id = :account and origin = :origin and external_ref = :ref")
                .param("account", accountId).param("origin", origin.name()).param("ref", externalRef)
                .query(MAPPER).optional();
    }

    /** Live sources that are pending, failed, or embedded by another model than this one. */
    List<Source> findNotIndexedWith(String modelId) {
        return jdbc.sql("select " + COLUMNS + " from knowledge_source where archived = false"
                        + " and (status <> 'INDEXED' or embedding_model is null or embedding_model <> :model)")
                .param("model", modelId).query(MAPPER).list();
    }

    /** Live hand-written sources with this title (compared without case or surrounding space). */
    List<UUID> findLiveManualTitled(UUID accountId, String title) {
        return jdbc.sql("""
                select id from knowledge_source
                where account_id = :account and origin = 'MANUAL' and archived = false and lower(trim(title)) = :title""")
                .param("account", accountId).param("title", title.strip().toLowerCase(java.util.Locale.ROOT))
                .query(UUID.class).list();
    }

    UUID insert(UUID accountId, SourceOrigin origin, String externalRef, String title, String body) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into knowledge_source (id, account_id, origin, external_ref, title, body, content_hash, status,
                    locked, archived, chunk_count, created_at, updated_at)
                values (:id, :account, :origin, :ref, :title, :body, :hash, 'PENDING', :locked, false, 0, :now, :now)""")
                .param("id", id).param("account", accountId).param("origin", origin.name()).param("ref", externalRef)
                .param("title", title).param("body", body).param("hash", ContentHash.of(title, body))
                .param("locked", origin.synced()).param("now", now)
                .update();
        return id;
    }

    /** New text: indexing is pending again until the indexer catches up with this hash. */
    void updateContent(UUID accountId, UUID id, String title, String body) {
        jdbc.sql("""
                update knowledge_source set title = :title, body = :body, content_hash = :hash, status = 'PENDING',
                    status_reason = null, updated_at = :now
                where account_id = :account and id = :id""")
                .param("title", title).param("body", body).param("hash", ContentHash.of(title, body))
                .param("now", OffsetDateTime.now(clock)).param("account", accountId).param("id", id)
                .update();
    }

    void setArchived(UUID accountId, UUID id, boolean archived) {
        setArchived(accountId, id, archived, null);
    }

    void setArchived(UUID accountId, UUID id, boolean archived, String reason) {
        // Archiving takes a source out of the index; restoring has to embed it again.
        jdbc.sql("""
                update knowledge_source set archived = :archived, archived_reason = :reason, status = 'PENDING',
                    status_reason = null, indexed_hash = null, updated_at = :now
                where account_id = :account and id = :id""")
                .param("archived", archived).param("reason", reason).param("now", OffsetDateTime.now(clock))
                .param("account", accountId).param("id", id)
                .update();
    }

    void markIndexed(UUID id, String hash, String modelId, int chunkCount) {
        jdbc.sql("""
                update knowledge_source set status = 'INDEXED', status_reason = null, indexed_hash = :hash,
                    embedding_model = :model, chunk_count = :chunks
                where id = :id and content_hash = :hash""")
                .param("hash", hash).param("model", modelId).param("chunks", chunkCount).param("id", id)
                .update();
    }

    void markFailed(UUID id, String reason) {
        jdbc.sql("update knowledge_source set status = 'FAILED', status_reason = :reason where id = :id")
                .param("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason).param("id", id)
                .update();
    }

    boolean delete(UUID accountId, UUID id) {
        return jdbc.sql("delete from knowledge_source where account_id = :account and id = :id")
                .param("account", accountId).param("id", id).update() > 0;
    }
}
