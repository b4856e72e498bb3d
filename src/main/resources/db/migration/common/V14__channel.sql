-- channel module: the channels of an account and the delivery of every outgoing message.
create table channel (
    id             uuid primary key,
    account_id     uuid          not null references account (id),
    -- the channel's name in the API: /api/v1/channels/{slug}/messages
    slug           varchar(60)   not null,
    kind           varchar(20)   not null,
    name           varchar(120)  not null,
    -- the agent's channel selection
    agent_enabled  boolean       not null default false,
    -- the web chat's public widget key (pasted into the store's pages)
    public_key     varchar(64),
    -- settings that are no secret (callback URL, WhatsApp phone number id...), as JSON
    config         text          not null default '{}',
    -- secrets (callback signing secret, WhatsApp access token and app secret...), as encrypted JSON
    secrets        text,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint channel_slug unique (account_id, slug),
    constraint channel_public_key unique (public_key)
);

create table channel_delivery (
    id                   uuid primary key,
    account_id           uuid          not null references account (id),
    channel_id           uuid          not null references channel (id) on delete cascade,
    conversation_id      uuid,
    -- the conversation's message: queued once, so it is never sent twice
    message_id           uuid          not null,
    recipient            varchar(200)  not null,
    role                 varchar(20)   not null,
    text                 text          not null,
    -- PENDING, SENT, DELIVERED, READ, FAILED
    status               varchar(20)   not null,
    attempts             integer       not null default 0,
    next_attempt_at      timestamp with time zone,
    last_error           varchar(1000),
    -- the channel's id for the sent message (WhatsApp's wamid), for its delivery and read statuses
    provider_message_id  varchar(200),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint channel_delivery_message unique (message_id)
);

create index channel_delivery_due on channel_delivery (status, next_attempt_at);
create index channel_delivery_provider on channel_delivery (provider_message_id);
