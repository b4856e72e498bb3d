-- PostgreSQL only: chunks with their pgvector embeddings and a tsvector for lexical search.
-- The extension is created by scripts/setup-postgres.sh as superuser; this is a no-op then.
create extension if not exists vector;

create table knowledge_chunk (
    id         bigserial primary key,
    account_id uuid         not null,
    source_id  uuid         not null references knowledge_source (id) on delete cascade,
    ordinal    integer      not null,
    title      varchar(300) not null,
    origin     varchar(20)  not null,
    content    text         not null,
    embedding  vector(384)  not null,
    -- 'simple': no stemming or stop words, because shoppers write in six languages
    tsv        tsvector generated always as (to_tsvector('simple', title || ' ' || content)) stored
);

create index knowledge_chunk_embedding on knowledge_chunk using hnsw (embedding vector_cosine_ops);
create index knowledge_chunk_tsv on knowledge_chunk using gin (tsv);
create index knowledge_chunk_account on knowledge_chunk (account_id);
create index knowledge_chunk_source on knowledge_chunk (source_id);
