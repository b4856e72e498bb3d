-- catalog module: the local mirror of a store (products, variants, policies, orders)
create table catalog_store (
    account_id uuid primary key references account (id),
    origin     varchar(20)  not null,
    name       varchar(300) not null,
    currency   varchar(3)   not null,
    email      varchar(300),
    url        varchar(1000),
    updated_at timestamp with time zone not null
);

create table catalog_product (
    id           uuid primary key,
    account_id   uuid          not null references account (id),
    origin       varchar(20)   not null,
    external_id  varchar(200)  not null,
    handle       varchar(300),
    title        varchar(500)  not null,
    description  text,
    vendor       varchar(200),
    product_type varchar(200),
    tags         varchar(2000),
    option_names varchar(600),
    status       varchar(20)   not null,
    published    boolean       not null,
    url          varchar(1000),
    updated_at   timestamp with time zone not null,
    constraint catalog_product_external unique (account_id, origin, external_id)
);

create table catalog_variant (
    id                 uuid primary key,
    product_id         uuid          not null references catalog_product (id) on delete cascade,
    account_id         uuid          not null,
    position           integer       not null,
    title              varchar(300)  not null,
    option1            varchar(200),
    option2            varchar(200),
    option3            varchar(200),
    sku                varchar(200),
    price              numeric(12, 2) not null,
    compare_at_price   numeric(12, 2),
    inventory_tracked  boolean       not null,
    inventory_quantity integer,
    continue_selling   boolean       not null
);

create index catalog_variant_product on catalog_variant (product_id);

create table catalog_policy (
    id         uuid primary key,
    account_id uuid          not null references account (id),
    origin     varchar(20)   not null,
    type       varchar(40)   not null,
    title      varchar(300)  not null,
    body       text          not null,
    url        varchar(1000),
    updated_at timestamp with time zone not null,
    constraint catalog_policy_type unique (account_id, origin, type)
);

-- orders are records for the agent's order lookup; they are never embedded
create table catalog_order (
    id                 uuid primary key,
    account_id         uuid          not null references account (id),
    origin             varchar(20)   not null,
    external_id        varchar(200)  not null,
    name               varchar(50)   not null,
    email              varchar(300),
    phone              varchar(50),
    placed_at          timestamp with time zone not null,
    financial_status   varchar(40)   not null,
    fulfillment_status varchar(40)   not null,
    currency           varchar(3)    not null,
    total_price        numeric(12, 2) not null,
    line_items         text          not null,
    fulfillments       text          not null,
    updated_at         timestamp with time zone not null,
    constraint catalog_order_external unique (account_id, origin, external_id)
);

create index catalog_order_name on catalog_order (account_id, name);
