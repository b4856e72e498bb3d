-- analytics module: one row per conversation, filled from the conversation and handover events. Each event writes
-- only its own columns, so events may arrive in any order and more than once. No foreign keys to other modules'
-- tables: the facts are a copy kept for reporting.
create table analytics_conversation (
    conversation_id       uuid primary key,
    account_id            uuid          not null,
    lead_id               uuid,
    -- the lead's stage when the conversation started (from a later event only while the start is unknown)
    stage_id              uuid,
    -- WEB_CHAT, WHATSAPP, REST
    channel_kind          varchar(20),
    started_at            timestamp with time zone,
    -- the agent answered in it (known at the close; a handover implies it)
    agent_started         boolean,
    -- the agent's first handover of the conversation and its ticket's reason (the first one: the category),
    -- priority and when a person should answer by
    handed_over_at        timestamp with time zone,
    reason                varchar(40),
    priority              varchar(20),
    sla_due_at            timestamp with time zone,
    -- the earliest reply of a person at or after handed_over_at (kept in step with analytics_manager_reply)
    first_human_reply_at  timestamp with time zone,
    closed_at             timestamp with time zone,
    -- AGENT (the agent started and never handed over) or PEOPLE; null while open
    resolved_by           varchar(10),
    -- the satisfaction survey's answer, 1 to 5
    csat_score            smallint,
    csat_at               timestamp with time zone
);

create index analytics_conversation_started on analytics_conversation (account_id, started_at);
create index analytics_conversation_handed_over on analytics_conversation (account_id, handed_over_at);

-- every reason of the first handover, in the ticket's order (reason_index 0 is the category)
create table analytics_handover_reason (
    conversation_id  uuid          not null references analytics_conversation (conversation_id) on delete cascade,
    reason_index     integer       not null,
    reason           varchar(40)   not null,
    constraint analytics_handover_reason_pk primary key (conversation_id, reason_index)
);

-- every time a person replied: a reply may arrive before the handover it follows is known, so the first reply
-- after the handover is worked out again whenever either changes
create table analytics_manager_reply (
    conversation_id  uuid          not null references analytics_conversation (conversation_id) on delete cascade,
    replied_at       timestamp with time zone not null,
    constraint analytics_manager_reply_pk primary key (conversation_id, replied_at)
);
