-- shopify module: a connected shop's credentials, encrypted (AES-GCM; see SecretBox). Never logged.
create table shopify_store (
    integration_id   uuid primary key references store_integration (id),
    account_id       uuid          not null references account (id),
    shop             varchar(255)  not null,
    access_token     varchar(1000) not null,
    refresh_token    varchar(1000),
    token_expires_at timestamp with time zone,
    scopes           varchar(1000),
    updated_at       timestamp with time zone not null
);

create index shopify_store_shop on shopify_store (shop);
