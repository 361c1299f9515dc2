-- The funnel (stages, lost reasons), customers and subjects, with the stage history of each subject.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL. Sequences start past the ids inserted here:
-- EclipseLink takes a sequence value as the end of a block of 50 ids.

create sequence crm_stage_seq start with 100 increment by 50;

create table crm_stage (
    id             bigint      not null,
    position       integer     not null,
    description    varchar(60) not null,
    description_en varchar(60),
    version        bigint      not null default 0,
    constraint crm_stage_pk primary key (id),
    constraint crm_stage_position_uk unique (position)
);

insert into crm_stage (id, position, description, description_en) values (1, 1, 'Prospecção', 'Prospecting');
insert into crm_stage (id, position, description, description_en) values (2, 2, 'Contato realizado', 'Contact made');
insert into crm_stage (id, position, description, description_en) values (3, 3, 'Proposta apresentada', 'Proposal presented');
insert into crm_stage (id, position, description, description_en) values (4, 4, 'Negociação', 'Negotiation');
insert into crm_stage (id, position, description, description_en) values (5, 5, 'Encerrado', 'Closed');

create sequence crm_lost_reason_seq start with 100 increment by 50;

create table crm_lost_reason (
    id             bigint      not null,
    description    varchar(80) not null,
    description_en varchar(80),
    active         boolean     not null default true,
    version        bigint      not null default 0,
    constraint crm_lost_reason_pk primary key (id)
);

insert into crm_lost_reason (id, description, description_en) values (1, 'Preço', 'Price');
insert into crm_lost_reason (id, description, description_en) values (2, 'Escolheu a concorrência', 'Chose a competitor');
insert into crm_lost_reason (id, description, description_en) values (3, 'Sem orçamento', 'No budget');
insert into crm_lost_reason (id, description, description_en) values (4, 'Sem resposta do cliente', 'No answer from the customer');
insert into crm_lost_reason (id, description, description_en) values (5, 'Desistiu da compra', 'Gave up buying');

create sequence crm_customer_seq start with 50 increment by 50;

create table crm_customer (
    id             bigint       not null,
    name           varchar(150) not null,
    search_name    varchar(150) not null,
    kind           varchar(10)  not null,
    tax_id         varchar(14),
    email          varchar(254),
    phone          varchar(30),
    contact_status varchar(10)  not null,
    erp_code       varchar(40),
    created_at     timestamp with time zone not null,
    version        bigint       not null default 0,
    constraint crm_customer_pk primary key (id),
    constraint crm_customer_tax_id_uk unique (tax_id),
    constraint crm_customer_kind_ck check (kind in ('PERSON', 'COMPANY')),
    constraint crm_customer_status_ck check (contact_status in ('LEAD', 'PROSPECT', 'CUSTOMER', 'INACTIVE'))
);

create index crm_customer_search_name_ix on crm_customer (search_name);

create sequence crm_subject_seq start with 50 increment by 50;

create table crm_subject (
    id               bigint        not null,
    title            varchar(200)  not null,
    search_title     varchar(200)  not null,
    customer_id      bigint        not null,
    stage_id         bigint        not null,
    responsible_id   bigint        not null,
    amount           numeric(15, 2),
    expected_close   date,
    description      varchar(4000),
    outcome          varchar(4),
    lost_reason_id   bigint,
    archived         boolean       not null default false,
    stage_entered_at timestamp with time zone not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(60)   not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(60)   not null,
    version          bigint        not null default 0,
    constraint crm_subject_pk primary key (id),
    constraint crm_subject_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_subject_stage_fk foreign key (stage_id) references crm_stage (id),
    constraint crm_subject_responsible_fk foreign key (responsible_id) references crm_user (id),
    constraint crm_subject_lost_reason_fk foreign key (lost_reason_id) references crm_lost_reason (id),
    constraint crm_subject_outcome_ck check (outcome in ('WON', 'LOST')),
    constraint crm_subject_amount_ck check (amount is null or amount >= 0)
);

-- A column of the funnel, paged by keyset: newest in the stage first.
create index crm_subject_column_ix on crm_subject (stage_id, archived, stage_entered_at desc, id desc);
-- The counts and sums of all columns in one grouped query, from the index alone.
create index crm_subject_funnel_ix on crm_subject (archived, stage_id, outcome, amount);
create index crm_subject_customer_ix on crm_subject (customer_id);
create index crm_subject_responsible_ix on crm_subject (responsible_id, archived);

create sequence crm_stage_change_seq start with 50 increment by 50;

-- Who moved a subject into which stage, and when. Stage names are kept, so history survives a removed stage.
create table crm_stage_change (
    id              bigint      not null,
    subject_id      bigint      not null,
    from_stage_id   bigint,
    from_stage_name varchar(60),
    to_stage_id     bigint,
    to_stage_name   varchar(60) not null,
    outcome         varchar(4),
    changed_at      timestamp with time zone not null,
    changed_by      varchar(60) not null,
    constraint crm_stage_change_pk primary key (id),
    constraint crm_stage_change_subject_fk foreign key (subject_id) references crm_subject (id) on delete cascade,
    constraint crm_stage_change_from_fk foreign key (from_stage_id) references crm_stage (id) on delete set null,
    constraint crm_stage_change_to_fk foreign key (to_stage_id) references crm_stage (id) on delete set null
);

create index crm_stage_change_subject_ix on crm_stage_change (subject_id, changed_at);
create index crm_stage_change_to_ix on crm_stage_change (to_stage_id, changed_at);
