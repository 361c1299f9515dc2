-- One row that the start-up work of every server locks in its transaction (the first administrator, the demo
-- users and data): servers of a cluster starting together on an empty database then do it one after the other,
-- and the second finds it done, instead of both inserting the same users.
create table crm_startup (
    name varchar(40) not null primary key
);
insert into crm_startup (name) values ('startup');
