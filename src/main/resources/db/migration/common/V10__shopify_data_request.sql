-- shopify module: a customer's request for their data (compliance topic customers/data_request), with the export
-- Baton produced for the store owner to send on.
create table shopify_data_request (
    id             uuid primary key,
    account_id     uuid          not null references account (id),
    shop           varchar(255)  not null,
    customer_email varchar(300),
    customer_phone varchar(50),
    export         text          not null,
    requested_at   timestamp with time zone not null
);

create index shopify_data_request_account on shopify_data_request (account_id, requested_at);
