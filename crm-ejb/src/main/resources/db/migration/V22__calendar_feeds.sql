-- Each user's private calendar feed: the secret token of its address (/crm/calendar/{token}.ics), which calendar
-- programs fetch without a session. One per user; a new one replaces the old, whose address stops working.
create table crm_calendar_feed (
    user_id    bigint                   not null,
    token      varchar(43)              not null,
    created_at timestamp with time zone not null,
    constraint crm_calendar_feed_pk primary key (user_id),
    constraint crm_calendar_feed_token_uq unique (token),
    constraint crm_calendar_feed_user_fk foreign key (user_id) references crm_user (id) on delete cascade
);
