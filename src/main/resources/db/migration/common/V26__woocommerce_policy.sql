-- woocommerce module: where each policy of a connected store comes from.
-- The owner's choice (picked_page_id: read this page; by_hand: the owner writes this policy in Baton) is kept apart
-- from what the last check saw (page_id, page_title, page_link; no page_id: missing), so a sync never undoes a choice.
create table woocommerce_policy (
    integration_id uuid          not null references store_integration (id),
    account_id     uuid          not null references account (id),
    policy_type    varchar(40)   not null,
    picked_page_id bigint,
    by_hand        boolean       not null default false,
    page_id        bigint,
    page_title     varchar(300),
    page_link      varchar(1000),
    checked_at     timestamp with time zone,
    primary key (integration_id, policy_type)
);

create index woocommerce_policy_account on woocommerce_policy (account_id);
