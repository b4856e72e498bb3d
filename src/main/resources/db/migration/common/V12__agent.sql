-- agent module: conversations the agent answers (playground sessions for now), their messages with the trace of
-- each reply, and the handovers it asked for.
create table agent_conversation (
    id          uuid primary key,
    account_id  uuid         not null references account (id),
    kind        varchar(20)  not null,
    language    varchar(5),
    -- what the agent is waiting for ("order number", "contact for #1001") and its counters, as JSON
    state       text         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

create index agent_conversation_account on agent_conversation (account_id, created_at);

create table agent_message (
    id               uuid primary key,
    conversation_id  uuid         not null references agent_conversation (id) on delete cascade,
    account_id       uuid         not null references account (id),
    role             varchar(20)  not null,
    text             text         not null,
    trace            text,
    created_at       timestamp with time zone not null
);

create index agent_message_conversation on agent_message (conversation_id, created_at);

create table agent_handover (
    id               uuid primary key,
    conversation_id  uuid         not null references agent_conversation (id) on delete cascade,
    account_id       uuid         not null references account (id),
    reason           varchar(40)  not null,
    evidence         varchar(2000),
    created_at       timestamp with time zone not null
);

create index agent_handover_conversation on agent_handover (conversation_id);

-- the chat model's memory of a conversation (LangChain4j's messages as JSON), trimmed to a token window
create table agent_chat_memory (
    conversation_id  uuid primary key references agent_conversation (id) on delete cascade,
    messages         text not null,
    updated_at       timestamp with time zone not null
);

-- what each account used, per day: messages the agent answered and model tokens spent (usage limits)
create table agent_usage (
    account_id  uuid    not null references account (id),
    usage_day   date    not null,
    messages    integer not null default 0,
    tokens      bigint  not null default 0,
    primary key (account_id, usage_day)
);

-- playground regression cases: shopper messages and what the replies must show
create table agent_test_case (
    id            uuid primary key,
    account_id    uuid          not null references account (id),
    name          varchar(200)  not null,
    messages      text          not null,
    expectations  text          not null,
    created_at    timestamp with time zone not null
);

create index agent_test_case_account on agent_test_case (account_id, created_at);
