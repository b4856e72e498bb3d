-- shopify module: webhooks as received (after their signature verified), deduplicated by Shopify's event id and
-- processed in the background. Kept for troubleshooting and redone if processing failed.
create table shopify_webhook (
    id           uuid primary key,
    account_id   uuid          not null references account (id),
    shop         varchar(255)  not null,
    topic        varchar(100)  not null,
    event_id     varchar(200)  not null unique,
    payload      text          not null,
    received_at  timestamp with time zone not null,
    processed_at timestamp with time zone,
    error        varchar(2000)
);

create index shopify_webhook_account on shopify_webhook (account_id, received_at);

-- catalog: when the store last changed an order, so an older webhook never overwrites a newer state
alter table catalog_order add column store_updated_at timestamp with time zone;
