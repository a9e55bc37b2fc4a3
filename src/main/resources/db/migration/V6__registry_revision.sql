-- A counter bumped by every change to the registry, so that every node can tell whether what it
-- cached is still current with one primary-key read.
create table registry_revision (
    id       int    primary key check (id = 1),
    revision bigint not null
);
insert into registry_revision (id, revision) values (1, 0);
