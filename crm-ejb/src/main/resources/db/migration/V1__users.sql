-- Users who log in and their roles (read by the container's database identity store).
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL.

-- EclipseLink reads a sequence value as the end of a block of allocationSize ids: start at the block size.
create sequence crm_user_seq start with 50 increment by 50;

create table crm_user (
    id            bigint       not null,
    username      varchar(60)  not null,
    display_name  varchar(120) not null,
    email         varchar(254),
    password_hash varchar(255) not null,
    active        boolean      not null default true,
    created_at    timestamp with time zone not null,
    version       bigint       not null default 0,
    constraint crm_user_pk primary key (id),
    constraint crm_user_username_uk unique (username)
);

create table crm_user_role (
    user_id bigint      not null,
    role    varchar(30) not null,
    constraint crm_user_role_pk primary key (user_id, role),
    constraint crm_user_role_user_fk foreign key (user_id) references crm_user (id) on delete cascade,
    constraint crm_user_role_role_ck check (role in ('crm-admin', 'crm-user', 'crm-viewer'))
);
