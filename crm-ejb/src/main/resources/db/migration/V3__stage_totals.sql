-- Each column's count and sum, kept up to date by the same transaction that changes a subject, so the funnel
-- reads a handful of rows instead of aggregating every open subject on each render. Archived subjects are not
-- counted. OPEN is a subject not (yet) closed; WON and LOST are the closing stage's two groups.

create table crm_stage_total (
    stage_id bigint         not null,
    outcome  varchar(4)     not null,
    subjects bigint         not null default 0,
    amount   numeric(17, 2) not null default 0,
    constraint crm_stage_total_pk primary key (stage_id, outcome),
    constraint crm_stage_total_stage_fk foreign key (stage_id) references crm_stage (id) on delete cascade,
    constraint crm_stage_total_outcome_ck check (outcome in ('OPEN', 'WON', 'LOST'))
);

insert into crm_stage_total (stage_id, outcome) select id, 'OPEN' from crm_stage;
insert into crm_stage_total (stage_id, outcome) select id, 'WON' from crm_stage;
insert into crm_stage_total (stage_id, outcome) select id, 'LOST' from crm_stage;

update crm_stage_total
set subjects = (select count(*) from crm_subject s
                where s.stage_id = crm_stage_total.stage_id and s.archived = false
                  and coalesce(s.outcome, 'OPEN') = crm_stage_total.outcome),
    amount   = (select coalesce(sum(s.amount), 0) from crm_subject s
                where s.stage_id = crm_stage_total.stage_id and s.archived = false
                  and coalesce(s.outcome, 'OPEN') = crm_stage_total.outcome);
