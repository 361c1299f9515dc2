-- Whether an entry "advanced" is decided by the stages' order when its subject moved on: each entry keeps the
-- position its stage had when the subject entered it, so that a move updates only the entries it concerns, found
-- by index (the open entry; the entries placed before the new stage and not advanced yet), not the subject's
-- whole history. Entries written before this version take their stage's position now.
alter table crm_stage_change add column to_position integer;
update crm_stage_change c set to_position = (select st.position from crm_stage st where st.id = c.to_stage_id);
create index crm_stage_change_open_ix on crm_stage_change (subject_id, left_at);
create index crm_stage_change_advance_ix on crm_stage_change (subject_id, advanced, to_position);
