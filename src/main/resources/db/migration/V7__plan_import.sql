-- An uploaded task appendix waiting for the user to check its preview and confirm (nothing is saved
-- to the plan before that).
create table plan_import (
    id         uuid         primary key,
    plan_id    bigint       not null references plan (id),
    filename   varchar(255) not null,
    payload    jsonb        not null,
    created_by varchar(60)  not null,
    created_at timestamptz  not null
);
create index plan_import_plan_ix on plan_import (plan_id);
