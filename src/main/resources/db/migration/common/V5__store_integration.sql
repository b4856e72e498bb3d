-- catalog module: connected stores and their sync jobs.

-- One connected store per account: active_account_id is the account while connected, null once disconnected
-- (a unique column that allows many nulls; H2 has no partial indexes).
create table store_integration (
    id                uuid primary key,
    account_id        uuid          not null references account (id),
    platform          varchar(20)   not null,
    store_address     varchar(300)  not null,
    status            varchar(20)   not null,
    active_account_id uuid unique,
    connected_at      timestamp with time zone not null,
    disconnected_at   timestamp with time zone,
    last_synced_at    timestamp with time zone
);

create index store_integration_account on store_integration (account_id);

-- A sync job records where it is (phase and cursor), so a restarted or retried job resumes there.
-- running_account_id is the account while the job is queued or running: one sync per account at a time.
create table sync_job (
    id                 uuid primary key,
    account_id         uuid          not null references account (id),
    integration_id     uuid          not null references store_integration (id),
    status             varchar(20)   not null,
    running_account_id uuid unique,
    phase              varchar(20)   not null,
    -- bumped each time a failed job is resumed: names its run in the job scheduler
    attempt            integer       not null default 1,
    page_cursor        varchar(2000),
    total              integer       not null default 0,
    done               integer       not null default 0,
    failed             integer       not null default 0,
    error              varchar(2000),
    created_at         timestamp with time zone not null,
    started_at         timestamp with time zone,
    finished_at        timestamp with time zone
);

create index sync_job_integration on sync_job (integration_id, created_at);

-- When a product was last seen by a full sync; products a finished sync did not see are gone from the store.
alter table catalog_product add column synced_at timestamp with time zone;
