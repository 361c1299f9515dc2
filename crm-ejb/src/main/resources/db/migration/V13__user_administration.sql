-- User administration: a first (or reset) password must be changed at the next login, and the access stamp
-- changes whenever a user's access does (deactivated, role changed, password changed or reset), which ends
-- their open sessions and remembered API logins at their next request.
alter table crm_user add column must_change_password boolean not null default false;
alter table crm_user add column access_stamp bigint not null default 0;
alter table crm_user add column updated_at timestamp with time zone;
create index crm_user_active_ix on crm_user (active, display_name);
