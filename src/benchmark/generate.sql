-- The large data set of the funnel benchmark, loaded into a freshly migrated crm database on PostgreSQL:
-- 20 sellers, 100,000 customers, 200,000 open and 300,000 archived subjects over the five default stages
-- (closed ones won or lost), each with its first stage-history entry and one of three tags; 2,000,000 activities;
-- 5,000,000 audit entries.
-- Runs in about two minutes.
-- psql -v ON_ERROR_STOP=1 -f src/benchmark/generate.sql <database>

insert into crm_user (id, username, display_name, password_hash, created_at)
select 100000 + g, 'seller' || g, 'Vendedor ' || g, 'no-login', now()
from generate_series(1, 20) g;

insert into crm_user_role (user_id, role)
select 100000 + g, 'crm-user' from generate_series(1, 20) g;

insert into crm_customer (id, name, search_name, kind, contact_status, created_at, erp_code)
select 1000000 + g, 'Cliente Benchmark ' || g || ' Ltda', 'cliente benchmark ' || g || ' ltda', 'COMPANY',
       (array ['LEAD', 'PROSPECT', 'CUSTOMER', 'INACTIVE'])[1 + g % 4], now(), 'B' || g
from generate_series(1, 100000) g;

-- An ERP beside it, behind the documented views (README, "ERP integration"): the 100,000 customers, 400,000
-- receivables (a quarter of the customers with some overdue) and 300,000 sales documents (some orders open),
-- in tables of their own with the indexes an ERP would have on customer codes.
create table bench_erp_customer (code varchar(20) primary key, name varchar(150) not null, tax_id varchar(14));
insert into bench_erp_customer select 'B' || g, 'Cliente Benchmark ' || g || ' Ltda', null
from generate_series(1, 100000) g;
create index bench_erp_customer_tax_ix on bench_erp_customer (tax_id);
create table bench_erp_receivable (customer_code varchar(20) not null, document varchar(30) not null,
    issued_on date not null, due_on date not null, amount numeric(14,2) not null, balance numeric(14,2) not null);
insert into bench_erp_receivable
select 'B' || (1 + g % 100000), 'NF-e ' || g, current_date - (g % 120), current_date - (g % 120) + 30,
       100 + g % 5000, case when g % 3 = 0 then 0 else 100 + g % 5000 end
from generate_series(1, 400000) g;
create index bench_erp_receivable_ix on bench_erp_receivable (customer_code, due_on);
create table bench_erp_sales (customer_code varchar(20) not null, kind varchar(10) not null, number varchar(20) not null,
    issued_on date not null, amount numeric(14,2) not null, status varchar(20) not null, open boolean not null);
insert into bench_erp_sales
select 'B' || (1 + g % 100000), case when g % 2 = 0 then 'ORDER' else 'INVOICE' end, 'D-' || g,
       current_date - (g % 365), 200 + g % 9000, 'Benchmark', g % 10 = 0
from generate_series(1, 300000) g;
create index bench_erp_sales_ix on bench_erp_sales (customer_code, kind, open);
create view erp_customer as select code, name, tax_id, null as email, null as phone, null as city, null as state
from bench_erp_customer;
create view erp_receivable as select customer_code, document, issued_on, due_on, amount, balance
from bench_erp_receivable;
create view erp_sales_document as select customer_code, kind, number, issued_on, amount, status,
       cast(null as varchar(44)) as nfe_key, open from bench_erp_sales;
create view erp_service_document as select customer_code, kind, number, issued_on, amount, status,
       'Serviço' as description from bench_erp_sales where false;
create view erp_product as select 'P1' as code, 'Produto' as description, 'UN' as unit, 10.00 as price,
       true as active;

-- Subjects 1..200,000 are open, 200,001..500,000 archived; stage = 1 + g % 5 (5 closes: won or lost).
insert into crm_subject (id, title, search_title, search_text, customer_id, stage_id, responsible_id, amount,
                         expected_close, outcome, lost_reason_id, archived, stage_entered_at, created_at, created_by,
                         updated_at, updated_by, last_activity_at, version)
select 10000000 + g,
       'Assunto de benchmark ' || g,
       'assunto de benchmark ' || g,
       'assunto de benchmark ' || g,
       1000001 + (g::bigint * 7919) % 100000,
       1 + g % 5,
       100001 + g % 20,
       round((random() * 100000)::numeric, 2),
       current_date + (g % 180) - 30,
       case when g % 5 = 4 then case when g % 3 = 0 then 'LOST' else 'WON' end end,
       case when g % 5 = 4 and g % 3 = 0 then 1 + g % 5 end,
       g > 200000,
       now() - (g % 200000) * interval '1 minute',
       now() - interval '400 days',
       'bench', now(), 'bench', now() - (g * 7 % 100000) * interval '1 minute', 1
from generate_series(1, 500000) g;

-- What the text filter searches: the title and the customer's name (Subject.searchText).
update crm_subject s set search_text = s.search_title || ' ' || c.search_name
from crm_customer c where c.id = s.customer_id and s.created_by = 'bench';

insert into crm_stage_change (id, subject_id, to_stage_id, to_stage_name, to_position, changed_at, changed_by)
select s.id, s.id, s.stage_id, st.description, st.position, s.stage_entered_at, 'bench'
from crm_subject s join crm_stage st on st.id = s.stage_id
where s.created_by = 'bench';

-- Tags for the list's filters: "Carteira" on 70 % of the subjects, "Indicação" on 10 %, "Evento" on 20 %.
insert into crm_tag (id, name, search_name, color) values (1, 'Carteira', 'carteira', '#1f4e79'),
    (2, 'Indicação', 'indicacao', '#0e7490'), (3, 'Evento', 'evento', '#b45309');
insert into crm_subject_tag (subject_id, tag_id)
select 10000000 + g, case when g % 10 < 7 then 1 when g % 10 = 7 then 2 else 3 end
from generate_series(1, 500000) g;

-- 2,000,000 activities, four per subject: three done over the last twelve months, one open (due between a
-- month ago and two months ahead); and subject 10000001 with 1,000 more (activities and notes) for its timeline.
insert into crm_activity (id, subject_id, kind, description, due_at, responsible_id, done_at, result, created_at,
                          created_by, updated_at, updated_by, version)
select 1000000 + g,
       10000000 + 1 + (g - 1) / 4,
       (array ['CALL', 'EMAIL', 'MEETING', 'VISIT', 'TASK', 'PROPOSAL', 'WHATSAPP', 'OTHER'])[1 + g % 8],
       'Atividade de benchmark ' || g,
       case when g % 4 = 0 then now() + ((g % 90) - 30) * interval '1 day'
            else now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute' end,
       100001 + g % 20,
       case when g % 4 = 0 then null else now() - (g % 365) * interval '1 day' - (g % 1440) * interval '1 minute' end,
       null, now() - interval '400 days', 'bench', now(), 'bench', 1
from generate_series(1, 2000000) g;

insert into crm_activity (id, subject_id, kind, description, due_at, responsible_id, done_at, created_at,
                          created_by, updated_at, updated_by, version)
select 5000000 + g, 10000001, 'CALL', 'Histórico ' || g, now() - g * interval '1 hour', 100001,
       now() - g * interval '1 hour', now() - interval '400 days', 'bench', now(), 'bench', 1
from generate_series(1, 600) g;

insert into crm_note (id, subject_id, text, author, created_at, updated_at, version)
select 100 + g, 10000001, 'Anotação de benchmark ' || g, 'bench', now() - g * interval '90 minutes',
       now() - g * interval '90 minutes', 1
from generate_series(1, 400) g;

-- The kept column totals, as StageTotals.recount() computes them.
update crm_stage_total
set subjects = (select count(*) from crm_subject s where s.stage_id = crm_stage_total.stage_id
                and s.archived = false and coalesce(s.outcome, 'OPEN') = crm_stage_total.outcome),
    amount   = (select coalesce(sum(s.amount), 0) from crm_subject s where s.stage_id = crm_stage_total.stage_id
                and s.archived = false and coalesce(s.outcome, 'OPEN') = crm_stage_total.outcome);

-- Closed subjects were closed over the last twelve months; the forecast's counts by day, as ForecastDays keeps them.
update crm_subject set closed_at = now() - (id % 365) * interval '1 day' - (id % 1440) * interval '1 minute'
where created_by = 'bench' and outcome is not null;
insert into crm_forecast_day (close_on, stage_id, responsible_id, outcome, subjects, amount)
select case when s.outcome is null then coalesce(s.expected_close, date '9999-12-31')
            else cast(s.closed_at at time zone 'America/Sao_Paulo' as date) end,
       s.stage_id, s.responsible_id, coalesce(s.outcome, 'OPEN'), count(*), coalesce(sum(s.amount), 0)
from crm_subject s
where s.archived = false
group by 1, 2, 3, 4;

-- The stage report's counts by day of entry, as StageDays keeps them (each subject's one entry, not left yet).
insert into crm_stage_day (entered_on, stage_id, responsible_id, entered, advanced, left_stage, stay_seconds)
select cast(c.changed_at at time zone 'America/Sao_Paulo' as date), c.to_stage_id, s.responsible_id, count(*),
       sum(case when c.advanced then 1 else 0 end), count(c.left_at),
       coalesce(sum(extract(epoch from c.left_at) - extract(epoch from c.changed_at)), 0)
from crm_stage_change c join crm_subject s on s.id = c.subject_id
where c.to_stage_id is not null
group by 1, 2, 3;

-- The report's daily counts of done activities, as ActivityDays keeps them.
insert into crm_activity_day (done_on, kind, responsible_id, stage_id, outcome, done_count)
select cast(a.done_at at time zone 'America/Sao_Paulo' as date), a.kind, a.responsible_id, s.stage_id,
       coalesce(s.outcome, 'OPEN'), count(*)
from crm_activity a join crm_subject s on s.id = a.subject_id
where a.done_at is not null
group by 1, 2, 3, 4, 5;

-- The funnel header's open activities by due day, as ActivityDays keeps them.
insert into crm_activity_due (due_on, responsible_id, open_count)
select cast(a.due_at at time zone 'America/Sao_Paulo' as date), a.responsible_id, count(*)
from crm_activity a
where a.done_at is null
group by 1, 2;

-- Two years of audit trail: 5,000,000 entries, most of them subjects' moves and edits by the 20 sellers, some
-- logins, exports and failed logins, in the order they happened (ids grow with time, as the trail writes them).
insert into crm_audit (id, at, actor, action, entity, entity_id, subject_id, summary, changes, origin, address)
select g, now() - interval '730 days' + g * interval '12 seconds', 'seller' || (1 + g % 20),
       (array ['MOVE', 'EDIT', 'MOVE', 'CREATE', 'DONE', 'PLAN', 'MOVE', 'LOGIN', 'EXPORT', 'LOGIN_FAILED'])[1 + g % 10],
       case when g % 10 in (7, 9) then 'USER' when g % 10 = 8 then 'SUBJECT' when g % 10 in (4, 5) then 'ACTIVITY'
            else 'SUBJECT' end,
       case when g % 10 in (7, 8, 9) then null when g % 10 in (4, 5) then 5000000 + g else 10000001 + g % 500000 end,
       case when g % 10 in (7, 8, 9) then null else 10000001 + g % 500000 end,
       'Oportunidade ' || (1 + g % 500000) || ' · Cliente Benchmark ' || (1 + g % 100000) || ' Ltda',
       case when g % 10 in (0, 2, 6) then '{"stage":["Prospecção","Qualificação"]}'
            when g % 10 = 1 then '{"value":["1000.00","1500.00"]}' end,
       (array ['PAGE', 'API', 'PAGE', 'PAGE', 'IMPORT'])[1 + g % 5], '10.0.' || (g % 250) || '.' || (g % 200)
from generate_series(1, 5000000) g;
select setval(pg_get_serial_sequence('crm_audit', 'id'), 5000000);

vacuum analyze;
