-- Activities (Ações: what was done and must be done about a subject, and when) and notes (Anotações).

create sequence crm_activity_seq start with 50 increment by 50;

create table crm_activity (
    id             bigint        not null,
    subject_id     bigint        not null,
    kind           varchar(10)   not null,
    description    varchar(2000) not null,
    due_at         timestamp with time zone not null,
    responsible_id bigint        not null,
    done_at        timestamp with time zone,
    result         varchar(500),
    created_at     timestamp with time zone not null,
    created_by     varchar(60)   not null,
    updated_at     timestamp with time zone not null,
    updated_by     varchar(60)   not null,
    version        bigint        not null default 0,
    constraint crm_activity_pk primary key (id),
    constraint crm_activity_subject_fk foreign key (subject_id) references crm_subject (id) on delete cascade,
    constraint crm_activity_responsible_fk foreign key (responsible_id) references crm_user (id),
    constraint crm_activity_kind_ck check (kind in ('CALL', 'EMAIL', 'MEETING', 'VISIT', 'TASK', 'PROPOSAL',
                                                    'WHATSAPP', 'OTHER'))
);

-- A subject's activities (its page, its timeline) and its next open activity (cards and rows, a page at a time).
create index crm_activity_subject_ix on crm_activity (subject_id, done_at, due_at);
-- A user's agenda: open activities by due date.
create index crm_activity_agenda_ix on crm_activity (responsible_id, done_at, due_at);
-- The funnel header: everyone's open activities overdue or due today.
create index crm_activity_due_ix on crm_activity (done_at, due_at);

create sequence crm_note_seq start with 50 increment by 50;

create table crm_note (
    id         bigint        not null,
    subject_id bigint        not null,
    text       varchar(4000) not null,
    author     varchar(60)   not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint        not null default 0,
    constraint crm_note_pk primary key (id),
    constraint crm_note_subject_fk foreign key (subject_id) references crm_subject (id) on delete cascade
);

create index crm_note_subject_ix on crm_note (subject_id, created_at);
