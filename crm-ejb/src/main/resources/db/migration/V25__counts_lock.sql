-- One row that every change of the kept counts (the columns' totals, the forecast's, the stage report's and the
-- activity report's daily counts) locks first in its transaction. Such changes then take those counts' rows one
-- transaction at a time, never two in crossed order: concurrent creates and moves waited for each other's
-- counts in opposite orders, and the database ended one of them as a deadlock.
create table crm_counts_lock (
    name varchar(40) not null primary key
);
insert into crm_counts_lock (name) values ('counts');
