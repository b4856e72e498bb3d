-- Spring Modulith's event publication registry (schema v2), owned by Flyway. Background work (indexing, imports)
-- is recorded here with the transaction that asked for it, and resumed after a restart until it completes.
-- H2 variant: Modulith's own script caps serialized_event at 4,000 characters; ours does not.
create table event_publication (
    id                     uuid                     not null primary key,
    completion_date        timestamp(9) with time zone,
    event_type             varchar(512)             not null,
    listener_id            varchar(512)             not null,
    publication_date       timestamp(9) with time zone not null,
    serialized_event       varchar(1000000)         not null,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
