-- The funnel header counts open activities overdue and due today, everyone's and the user's: read from the index
-- alone (done_at null, due_at range, responsible).
drop index crm_activity_due_ix;
create index crm_activity_due_ix on crm_activity (done_at, due_at, responsible_id);
