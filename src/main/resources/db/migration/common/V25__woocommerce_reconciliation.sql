-- woocommerce module: where each store's incremental reconciliation got to. reconciled_until is the start of the last
-- successful run (the next one reads what changed after it); null until one succeeds. A failed run keeps the mark
-- and records why in last_failure.
create table woocommerce_reconciliation (
    integration_id   uuid primary key references store_integration (id),
    reconciled_until timestamp with time zone,
    last_failure     varchar(2000),
    updated_at       timestamp with time zone not null
);

-- catalog module: how the store writes prices (WooCommerce's currency options). Null position: the currency's usual
-- way (stores saved before, Shopify, file imports).
alter table catalog_store add column price_symbol_position varchar(20);
alter table catalog_store add column price_thousand_separator varchar(10);
alter table catalog_store add column price_decimal_separator varchar(10);
alter table catalog_store add column price_decimals integer;

-- catalog module: the order's shipping methods as the store names them, a JSON list of strings; null for orders
-- saved before.
alter table catalog_order add column shipping_methods text;
