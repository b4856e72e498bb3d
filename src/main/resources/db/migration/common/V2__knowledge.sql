-- knowledge module: sources (the text the agent may answer from) and their indexing state.
-- Chunks and vectors live in the search index: knowledge_chunk on PostgreSQL, Lucene on the embedded default.
create table knowledge_source (
    id              uuid primary key,
    account_id      uuid          not null references account (id),
    origin          varchar(20)   not null,
    external_ref    varchar(300),
    title           varchar(300)  not null,
    body            text          not null,
    content_hash    varchar(64)   not null,
    status          varchar(20)   not null,
    status_reason   varchar(1000),
    locked          boolean       not null,
    archived        boolean       not null default false,
    indexed_hash    varchar(64),
    embedding_model varchar(200),
    chunk_count     integer       not null default 0,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create index knowledge_source_account on knowledge_source (account_id, archived);
create unique index knowledge_source_external on knowledge_source (account_id, origin, external_ref);
