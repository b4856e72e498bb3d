-- conversation module: when a conversation was first handed to the team (null: never), for the close event and
-- the analytics (resolved by the agent or by people).
alter table conversation add column handed_over_at timestamp with time zone;
