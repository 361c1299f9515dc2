-- Stale subjects: a stage may say after how many days without activity its subjects are flagged; every subject
-- keeps when its last activity or note was recorded (set by the application, so cards and the list read it with
-- the subject, and the list sorts by it).

alter table crm_stage add column stale_days integer;
alter table crm_stage add constraint crm_stage_stale_days_ck check (stale_days is null or stale_days between 1 and 365);

alter table crm_subject add column last_activity_at timestamp with time zone;
update crm_subject set last_activity_at = coalesce(
    (select max(coalesce(a.done_at, a.created_at)) from crm_activity a where a.subject_id = crm_subject.id),
    created_at);
alter table crm_subject alter column last_activity_at set not null;

create index crm_subject_last_activity_ix on crm_subject (archived, last_activity_at, id);
