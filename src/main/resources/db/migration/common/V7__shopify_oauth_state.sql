-- shopify module: the single-use, expiring 'state' nonce of an OAuth install in progress. In the database, so the
-- callback may land on any node.
create table shopify_oauth_state (
    state      varchar(64)  primary key,
    account_id uuid         not null references account (id),
    shop       varchar(255) not null,
    expires_at timestamp with time zone not null
);
