-- conversation module: per-account settings of the satisfaction survey (optional, off by default) and of closing
-- conversations the agent serves once they go quiet; each conversation remembers when it was asked and its answer.
create table conversation_settings (
    account_id                uuid          primary key references account (id),
    csat_enabled              boolean       not null,
    -- 0: never
    idle_close_after_minutes  integer       not null,
    -- the survey texts the account changed, JSON {"es": {"question": "...", "thanks": "..."}}; others are the defaults
    survey_texts              varchar(8000) not null,
    updated_at                timestamp with time zone not null
);

alter table conversation add column csat_asked_at timestamp with time zone;
alter table conversation add column csat_score smallint;
alter table conversation add column csat_rated_at timestamp with time zone;

-- the idle close looks for conversations the agent still serves
create index conversation_status on conversation (status);
