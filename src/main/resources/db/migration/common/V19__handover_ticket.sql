-- handover module: what happens when the agent hands a conversation over.
-- Per-account settings: transition messages per language (JSON object language -> text, only the ones changed),
-- office hours (JSON, see OfficeHours), the summary switch, the stage a handed-over lead moves to (null: stays),
-- SLA minutes per priority (JSON) and the group VIP contacts go to.
create table handover_settings (
    account_id           uuid          primary key references account (id),
    transition_messages  varchar(8000) not null,
    offline_messages     varchar(8000) not null,
    office_hours         varchar(2000) not null,
    summary_enabled      boolean       not null,
    move_to_stage_id     uuid,
    sla_minutes          varchar(200)  not null,
    vip_group            varchar(100)  not null,
    updated_at           timestamp with time zone not null
);

-- A ticket per handover: the reasons (category = the most pressing one), priority, the manager it went to (null:
-- waiting unassigned; assigned_group: only that group takes it), unread for the team, when a person should answer by,
-- and the summary the manager reads first. At most one OPEN ticket per conversation.
create table handover_ticket (
    id                   uuid          primary key,
    account_id           uuid          not null references account (id),
    conversation_id      uuid          not null,
    lead_id              uuid,
    stage_id             uuid,
    contact_id           uuid,
    contact_name         varchar(200),
    channel_kind         varchar(20),
    language             varchar(5),
    -- OPEN, RESOLVED (closed by a person), HANDED_BACK (to the agent)
    status               varchar(20)   not null,
    category             varchar(40)   not null,
    -- the reason codes, comma separated, in the order they fired
    reasons              varchar(1000) not null,
    evidence             text          not null,
    -- URGENT, HIGH, NORMAL
    priority             varchar(10)   not null,
    assignee_id          uuid,
    assigned_group       varchar(100),
    assigned_at          timestamp with time zone,
    unread               boolean       not null,
    sla_due_at           timestamp with time zone not null,
    summary              text          not null,
    -- EXTRACTIVE (built from the conversation) or MODEL (written by the chat model)
    summary_source       varchar(20)   not null,
    -- what the summary is written from: the transcript and the agent's actions at the handover, as text
    material             text          not null,
    first_reply_at       timestamp with time zone,
    closed_at            timestamp with time zone,
    conversation_started_at timestamp with time zone,
    -- conversation id while OPEN: one open ticket per conversation
    open_key             uuid,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint handover_ticket_open unique (open_key)
);

create index handover_ticket_inbox on handover_ticket (account_id, status, unread, created_at);
create index handover_ticket_conversation on handover_ticket (conversation_id, created_at);
create index handover_ticket_assignee on handover_ticket (account_id, assignee_id, assigned_at);

-- pipeline module: notes on a lead (the handover summary at the moment of transfer, people's remarks).
create table lead_note (
    id          uuid          primary key,
    account_id  uuid          not null references account (id),
    lead_id     uuid          not null references lead (id) on delete cascade,
    author      varchar(200)  not null,
    text        text          not null,
    created_at  timestamp with time zone not null
);

create index lead_note_lead on lead_note (account_id, lead_id, created_at);
