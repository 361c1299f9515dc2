-- The start-up lock's table (V15) holds every named lock (database.control.Locks), and a second one: every change of
-- the kept counts (the columns' totals, the forecast's, the stage report's and the activity report's daily counts)
-- locks the row 'counts' first in its transaction. Such changes then take those counts' rows one transaction at a
-- time, never two in crossed order: concurrent creates and moves waited for each other's counts in opposite
-- orders, and the database ended one of them as a deadlock.
alter table crm_startup rename to crm_lock;
insert into crm_lock (name) values ('counts');
