package dev.baton.knowledge.internal;

import com.pgvector.PGvector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * The production index: chunks in PostgreSQL with a pgvector HNSW cosine index and a tsvector GIN index.
 * Filtered vector searches use pgvector 0.8's iterative index scan, so a query scoped to one account among many
 * still returns {@code limit} rows instead of the few that survive the filter after one HNSW pass.
 */
class PgvectorKnowledgeIndex implements KnowledgeIndex {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final int efSearch;

    PgvectorKnowledgeIndex(JdbcTemplate jdbcTemplate, TransactionTemplate transaction, int efSearch) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.batch = jdbcTemplate;
        this.transaction = transaction;
        this.efSearch = efSearch;
    }

    @Override
    public void replace(List<SourceChunks> sources) {
        transaction.executeWithoutResult(status -> sources.forEach(this::replace));
    }

    private void replace(SourceChunks source) {
        jdbc.sql("delete from knowledge_chunk where account_id = :account and source_id = :source")
                .param("account", source.accountId()).param("source", source.sourceId()).update();
        List<Object[]> rows = source.chunks().stream()
                .map(chunk -> new Object[] {source.accountId(), source.sourceId(), chunk.ordinal(), source.title(),
                        source.origin(), chunk.text(), new PGvector(chunk.vector())})
                .toList();
        batch.batchUpdate("""
                insert into knowledge_chunk (account_id, source_id, ordinal, title, origin, content, embedding)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @Override
    public void remove(UUID accountId, UUID sourceId) {
        jdbc.sql("delete from knowledge_chunk where account_id = :account and source_id = :source")
                .param("account", accountId).param("source", sourceId).update();
    }

    @Override
    public List<IndexHit> vectorSearch(UUID accountId, float[] vector, int limit) {
        return transaction.execute(status -> {
            jdbc.sql("set local hnsw.iterative_scan = relaxed_order").update();
            jdbc.sql("set local hnsw.ef_search = " + Math.max(efSearch, limit)).update();
            // relaxed_order may return rows slightly out of order: re-sort the materialized candidates.
            return jdbc.sql("""
                    with candidates as materialized (
                        select source_id, ordinal, title, origin, content, embedding <=> :vector as distance
                        from knowledge_chunk
                        where account_id = :account
                        order by distance
                        limit :limit)
                    select * from candidates order by distance""")
                    .param("vector", new PGvector(vector)).param("account", accountId).param("limit", limit)
                    .query((rs, n) -> new IndexHit(rs.getObject("source_id", UUID.class), rs.getInt("ordinal"),
                            rs.getString("title"), rs.getString("origin"), rs.getString("content"),
                            1 - rs.getDouble("distance")))
                    .list();
        });
    }

    @Override
    public List<IndexHit> lexicalSearch(UUID accountId, String query, int limit) {
        List<String> terms = QueryTerms.of(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select source_id, ordinal, title, origin, content, ts_rank_cd(tsv, query) as rank
                from knowledge_chunk, to_tsquery('simple', :terms) query
                where account_id = :account and tsv @@ query
                order by rank desc
                limit :limit""")
                .param("terms", String.join(" | ", terms)).param("account", accountId).param("limit", limit)
                .query((rs, n) -> new IndexHit(rs.getObject("source_id", UUID.class), rs.getInt("ordinal"),
                        rs.getString("title"), rs.getString("origin"), rs.getString("content"), rs.getDouble("rank")))
                .list();
    }
}
