-- The list of subjects (sorted and paged on the server) and the import of subjects from CSV.

-- The key a subject was imported under: importing the same file again finds it instead of duplicating it.
alter table crm_subject add column external_key varchar(60);
alter table crm_subject add constraint crm_subject_external_key_uk unique (external_key);

-- One index per sortable column of the list, led by the tab (active or archived) and ended by the id that breaks
-- ties: a page at any depth is read from the index alone, then its rows are fetched by id.
create index crm_subject_updated_ix on crm_subject (archived, updated_at, id);
create index crm_subject_title_ix on crm_subject (archived, search_title, id);
create index crm_subject_amount_ix on crm_subject (archived, amount, id);
create index crm_subject_close_ix on crm_subject (archived, expected_close, id);
