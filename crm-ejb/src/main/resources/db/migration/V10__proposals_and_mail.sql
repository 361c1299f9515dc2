-- Proposals (Propostas comerciais) with their items, the company that issues them, e-mail templates and the outbox
-- of e-mails (each message queued in the same transaction as what asked for it, sent in the background).

-- The company on proposals' letterhead: one row, edited in Configurações → Vendas.
create table crm_company (
    id        bigint       not null,
    name      varchar(200) not null,
    tax_id    varchar(14),
    address   varchar(500),
    phone     varchar(30),
    email     varchar(254),
    logo      bytea,
    version   bigint       not null default 0,
    constraint crm_company_pk primary key (id),
    constraint crm_company_one_ck check (id = 1)
);
insert into crm_company (id, name) values (1, 'Minha Empresa');

-- Numbers handed out in sequence and never reused: a counter row, locked by the transaction that takes a number
-- (a database sequence would skip numbers on every rollback).
create table crm_counter (
    name       varchar(30) not null,
    next_value bigint      not null,
    constraint crm_counter_pk primary key (name)
);
insert into crm_counter (name, next_value) values ('proposal', 1);

-- A stage may be where subjects go when one of their proposals is sent or accepted.
alter table crm_stage add column proposal_rule varchar(10);
alter table crm_stage add constraint crm_stage_proposal_rule_ck check (proposal_rule in ('SENT', 'ACCEPTED'));

create sequence crm_proposal_seq start with 50 increment by 50;

create table crm_proposal (
    id             bigint        not null,
    subject_id     bigint        not null,
    number         bigint        not null,
    revision       integer       not null,
    superseded     boolean       not null default false,
    status         varchar(10)   not null,
    issued_on      date          not null,
    valid_until    date          not null,
    freight        numeric(14,2) not null default 0,
    total          numeric(14,2) not null,
    payment_terms  varchar(500),
    notes          varchar(2000),
    sent_at        timestamp with time zone,
    decided_at     timestamp with time zone,
    -- The sales order handed to the ERP for an accepted proposal (its request id, the ERP's key against repeats).
    order_request_id varchar(60),
    order_requested_at timestamp with time zone,
    created_at     timestamp with time zone not null,
    created_by     varchar(60)   not null,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(60)   not null,
    version        bigint        not null default 0,
    constraint crm_proposal_pk primary key (id),
    constraint crm_proposal_subject_fk foreign key (subject_id) references crm_subject (id) on delete cascade,
    constraint crm_proposal_number_uk unique (number, revision),
    constraint crm_proposal_status_ck check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    constraint crm_proposal_validity_ck check (valid_until >= issued_on)
);
-- A subject's proposals (its page, its timeline).
create index crm_proposal_subject_ix on crm_proposal (subject_id, created_at);
-- The daily expiry: sent proposals past their validity.
create index crm_proposal_expiry_ix on crm_proposal (status, valid_until);

create table crm_proposal_item (
    proposal_id      bigint        not null,
    position         integer       not null,
    product_code     varchar(60),
    description      varchar(500)  not null,
    quantity         numeric(12,3) not null,
    unit_price       numeric(14,2) not null,
    discount_percent numeric(5,2)  not null default 0,
    constraint crm_proposal_item_pk primary key (proposal_id, position),
    constraint crm_proposal_item_proposal_fk foreign key (proposal_id) references crm_proposal (id) on delete cascade,
    constraint crm_proposal_item_quantity_ck check (quantity > 0),
    constraint crm_proposal_item_price_ck check (unit_price >= 0),
    constraint crm_proposal_item_discount_ck check (discount_percent between 0 and 100)
);

-- EclipseLink takes each value as the top of a block of 50: the first block starts past the two templates below.
create sequence crm_mail_template_seq start with 150 increment by 50;

create table crm_mail_template (
    id           bigint         not null,
    name         varchar(100)   not null,
    mail_subject varchar(300)   not null,
    body         varchar(10000) not null,
    for_proposal boolean        not null,
    version      bigint         not null default 0,
    constraint crm_mail_template_pk primary key (id),
    constraint crm_mail_template_name_uk unique (name)
);
-- Bodies hold their line breaks as written (the same literal on H2 and PostgreSQL).
insert into crm_mail_template (id, name, mail_subject, body, for_proposal) values (1, 'Proposta comercial',
    'Proposta comercial nº {proposta} — {empresa}', 'Prezado(a) {cliente},

Segue em anexo a nossa proposta comercial nº {proposta}, no valor total de {total}, válida até {validade}.

Ficamos à disposição para qualquer esclarecimento.

Atenciosamente,
{vendedor}
{empresa}', true);
insert into crm_mail_template (id, name, mail_subject, body, for_proposal) values (2, 'Contato', '{assunto}',
    'Prezado(a) {cliente},



Atenciosamente,
{vendedor}
{empresa}', false);

create sequence crm_mail_seq start with 50 increment by 50;

-- The outbox: every e-mail the module sends, its state (QUEUED → SENDING → SENT, or FAILED with the reason after
-- the last attempt) and when to try again. message_id is the Message-ID header: the same on every attempt.
create table crm_mail (
    id              bigint         not null,
    subject_id      bigint         not null,
    proposal_id     bigint,
    to_addresses    varchar(1000)  not null,
    cc_addresses    varchar(1000),
    mail_subject    varchar(300)   not null,
    body            varchar(10000) not null,
    status          varchar(10)    not null,
    attempts        integer        not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    message_id      varchar(200)   not null,
    sent_at         timestamp with time zone,
    created_at      timestamp with time zone not null,
    created_by      varchar(60)    not null,
    version         bigint         not null default 0,
    constraint crm_mail_pk primary key (id),
    constraint crm_mail_subject_fk foreign key (subject_id) references crm_subject (id) on delete cascade,
    constraint crm_mail_proposal_fk foreign key (proposal_id) references crm_proposal (id) on delete set null,
    constraint crm_mail_message_id_uk unique (message_id),
    constraint crm_mail_status_ck check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED'))
);
-- The sender's queue: due messages by state and time.
create index crm_mail_queue_ix on crm_mail (status, next_attempt_at);
-- A subject's e-mails (its page, its timeline).
create index crm_mail_subject_ix on crm_mail (subject_id, created_at);

-- The default funnel's third stage is where a sent proposal puts its subject.
update crm_stage set proposal_rule = 'SENT' where position = 3 and description = 'Proposta apresentada';
