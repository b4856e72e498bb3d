-- woocommerce module: the single-use, expiring nonce of a one-click connect (/wc-auth) in progress. WooCommerce
-- carries it as 'user_id' to the store's consent screen, back in the keys it posts to /woocommerce/callback, and on
-- the owner's return. In the database, so the callback may land on any node.
create table woocommerce_connect_nonce (
    nonce      varchar(64)  primary key,
    account_id uuid         not null references account (id),
    store_url  varchar(300) not null,
    expires_at timestamp with time zone not null
);

create index woocommerce_connect_nonce_expiry on woocommerce_connect_nonce (expires_at);
