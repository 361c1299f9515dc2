-- A stage knows whether it closes subjects (Encerrado), instead of every reader taking "the last one".
-- true on exactly one stage, null on the others: the unique constraint then allows one closing stage at most
-- (both H2 and PostgreSQL let a unique column hold many nulls); Stages keeps it the last one.

alter table crm_stage add column closing boolean;

update crm_stage set closing = true where position = (select max(position) from crm_stage);

alter table crm_stage add constraint crm_stage_closing_ck check (closing is null or closing = true);
alter table crm_stage add constraint crm_stage_closing_uk unique (closing);
