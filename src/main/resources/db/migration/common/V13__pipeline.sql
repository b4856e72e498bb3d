-- pipeline module: pipelines with ordered stages, leads in them, and where the agent works (the "AI agent" trigger
-- per stage, the cooldown after a conversation closes).
create table pipeline (
    id          uuid primary key,
    account_id  uuid          not null references account (id),
    name        varchar(120)  not null,
    position    integer       not null,
    created_at  timestamp with time zone not null
);

create index pipeline_account on pipeline (account_id, position);

create table pipeline_stage (
    id           uuid primary key,
    account_id   uuid          not null references account (id),
    pipeline_id  uuid          not null references pipeline (id) on delete cascade,
    name         varchar(120)  not null,
    position     integer       not null,
    -- OPEN, WON or LOST: a lead in a WON or LOST stage is closed
    kind         varchar(10)   not null,
    ai_trigger   boolean       not null default false,
    -- other automations on the stage (another bot), as a JSON array of names: a conflict with the AI trigger
    automations  text          not null default '[]',
    created_at   timestamp with time zone not null
);

create index pipeline_stage_pipeline on pipeline_stage (pipeline_id, position);

create table lead (
    id                   uuid primary key,
    account_id           uuid          not null references account (id),
    pipeline_id          uuid          not null references pipeline (id),
    stage_id             uuid          not null references pipeline_stage (id),
    -- the conversation module's contact
    contact_id           uuid,
    name                 varchar(200)  not null,
    responsible_user_id  uuid,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);

create index lead_stage on lead (account_id, stage_id, updated_at);
create index lead_contact on lead (account_id, contact_id);

create table agent_trigger_settings (
    account_id        uuid primary key references account (id),
    cooldown_seconds  integer not null default 0
);
