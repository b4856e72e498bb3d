-- knowledge: why a source was archived when Baton did it (a synced source replaced a hand-written one)
alter table knowledge_source add column archived_reason varchar(500);
