-- The stage report counted, for the history entries of its range, when each subject left the stage and whether it
-- later reached a further one, with window functions over every entry of those subjects: about a second of
-- database work per report on a large history. Each entry now keeps both facts, written when the subject moves
-- on, so the report is one range of the new index.
--   left_at:  when the subject entered its next stage (the next entry of its history), null while it is there
--   advanced: whether it later entered a stage placed after this one (by the stages' order at that time)
alter table crm_stage_change add column left_at timestamp with time zone;
alter table crm_stage_change add column advanced boolean default false not null;

update crm_stage_change c set left_at = (
    select min(n.changed_at) from crm_stage_change n
    where n.subject_id = c.subject_id
      and (n.changed_at > c.changed_at or (n.changed_at = c.changed_at and n.id > c.id)));

update crm_stage_change c set advanced = true
where exists (
    select 1 from crm_stage_change n
    join crm_stage later on later.id = n.to_stage_id
    join crm_stage here on here.id = c.to_stage_id
    where n.subject_id = c.subject_id
      and (n.changed_at > c.changed_at or (n.changed_at = c.changed_at and n.id > c.id))
      and later.position > here.position);

create index crm_stage_change_at_ix on crm_stage_change (changed_at, to_stage_id);
