-- Tags (Marcadores): labels put on subjects, unique by name regardless of case and accents.

create sequence crm_tag_seq start with 50 increment by 50;

create table crm_tag (
    id          bigint      not null,
    name        varchar(40) not null,
    search_name varchar(40) not null,
    color       varchar(7)  not null,
    version     bigint      not null default 0,
    constraint crm_tag_pk primary key (id),
    constraint crm_tag_search_name_uk unique (search_name)
);

create table crm_subject_tag (
    subject_id bigint not null,
    tag_id     bigint not null,
    constraint crm_subject_tag_pk primary key (subject_id, tag_id),
    constraint crm_subject_tag_subject_fk foreign key (subject_id) references crm_subject (id) on delete cascade,
    constraint crm_subject_tag_tag_fk foreign key (tag_id) references crm_tag (id) on delete cascade
);

-- Subjects by tag (the filter); the primary key serves tags by subject (the cards).
create index crm_subject_tag_tag_ix on crm_subject_tag (tag_id, subject_id);
