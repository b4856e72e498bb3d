-- account module: the team. A user's display name, whether they said they are available for handed-over
-- conversations, when the web UI last saw them (presence: online = available and seen within
-- baton.team.presence-window; kept here, not in a node's memory, so every node agrees), and their groups.
-- Groups are a comma-separated list of names (e.g. 'VIP,Wholesale'; names never contain a comma): the handover reads
-- them with the user, and nothing queries users by group, so they need no table of their own.
alter table app_user add column display_name varchar(200);
alter table app_user add column available boolean not null default true;
alter table app_user add column last_seen_at timestamp with time zone;
alter table app_user add column groups varchar(1000) not null default '';

-- The pipeline stages whose leads' conversations a user may take; none: every stage. Stage ids belong to the
-- pipeline module, so there is no foreign key to them (a deleted stage's rows are simply never matched).
create table app_user_stage (
    user_id  uuid not null references app_user (id) on delete cascade,
    stage_id uuid not null,
    constraint app_user_stage_pk primary key (user_id, stage_id)
);

-- onlineManagers: an account's available managers, oldest first
create index app_user_account on app_user (account_id, role, created_at);
