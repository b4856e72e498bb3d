-- handover module: per-account switches and thresholds of the trigger rules; a rule without a row uses the
-- defaults from baton.handover.*
create table handover_rule_settings (
    account_id  uuid          not null references account (id),
    -- a HandoverReason code
    reason      varchar(40)   not null,
    enabled     boolean       not null,
    -- a JSON object of the thresholds changed from the defaults, e.g. {"lifetimeSpend": 500}
    thresholds  varchar(4000) not null,
    updated_at  timestamp with time zone not null,
    constraint handover_rule_settings_pk primary key (account_id, reason)
);
