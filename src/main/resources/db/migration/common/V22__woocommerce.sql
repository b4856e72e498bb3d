-- woocommerce module: a connected store's REST API keys, encrypted (AES-GCM; see SecretBox). Never logged.
create table woocommerce_store (
    integration_id  uuid primary key references store_integration (id),
    account_id      uuid          not null references account (id),
    store_url       varchar(300)  not null,
    consumer_key    varchar(1000) not null,
    consumer_secret varchar(1000) not null,
    updated_at      timestamp with time zone not null
);

create index woocommerce_store_url on woocommerce_store (store_url);
