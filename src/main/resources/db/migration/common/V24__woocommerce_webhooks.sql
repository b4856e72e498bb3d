-- woocommerce module: webhooks. Each connected store has its own webhook secret (encrypted like the keys, never
-- logged) and the outcome of the last webhook set-up, for the store card.
alter table woocommerce_store add column webhook_secret varchar(1000);
alter table woocommerce_store add column webhook_status varchar(30);
alter table woocommerce_store add column webhook_message varchar(4000);
alter table woocommerce_store add column webhooks_checked_at timestamp with time zone;
-- a delivery for this store failed its signature check (a webhook with another secret): the next set-up rewrites
-- the secret of Baton's webhooks at the store
alter table woocommerce_store add column signature_refused_at timestamp with time zone;

-- Deliveries as received (after their signature verified), one per state of a resource: WooCommerce sends the same
-- state more than once (several hooks per topic), so (resource, id, date_modified_gmt) is unique. Deletions carry
-- no date; their version is the delivery id. Processed in the background; kept for troubleshooting.
create table woocommerce_webhook_delivery (
    id             uuid primary key,
    integration_id uuid          not null references store_integration (id),
    account_id     uuid          not null references account (id),
    topic          varchar(100)  not null,
    resource       varchar(50)   not null,
    resource_id    bigint        not null,
    version        varchar(100)  not null,
    payload        text          not null,
    received_at    timestamp with time zone not null,
    processed_at   timestamp with time zone,
    constraint woocommerce_webhook_delivery_once unique (integration_id, resource, resource_id, version)
);

create index woocommerce_webhook_delivery_account on woocommerce_webhook_delivery (account_id, received_at);
