-- account module: tenants, their users and API keys
create table account (
    id               uuid primary key,
    name             varchar(200) not null,
    currency         varchar(3)   not null default 'USD',
    default_language varchar(8)   not null default 'en',
    time_zone        varchar(64)  not null default 'UTC',
    created_at       timestamp with time zone not null
);

create table app_user (
    id            uuid primary key,
    account_id    uuid         not null references account (id),
    username      varchar(100) not null unique,
    password_hash varchar(200) not null,
    role          varchar(20)  not null,
    created_at    timestamp with time zone not null
);

-- only a SHA-256 of each key is stored; the key itself is shown once
create table api_key (
    id         uuid primary key,
    account_id uuid         not null references account (id),
    key_hash   varchar(64)  not null unique,
    label      varchar(100) not null,
    created_at timestamp with time zone not null
);
