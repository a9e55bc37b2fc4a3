-- C4: the jurisdiction's draft plan goes out for comments to chosen bodies by a date (000 Art. 15.2;
-- 003 "Tổng hợp ý kiến góp ý"); every comment keeps its source document, text and handling, with who
-- recorded and handled it; and the plan keeps its versions.
create table consultation_request (
    id           bigserial    primary key,
    plan_id      bigint       not null references plan (id),
    unit_id      bigint       not null references unit (id),
    body_text    text         not null,
    due_on       date         not null,
    requested_at timestamptz  not null,
    requested_by varchar(60)  not null,
    unique (plan_id, unit_id)
);

alter table plan_comment add column request_id bigint references consultation_request (id);
alter table plan_comment add column recorded_by varchar(60);
alter table plan_comment add column recorded_at timestamptz;
alter table plan_comment add column handled_by varchar(60);
alter table plan_comment add column handled_at timestamptz;

-- The plan's text and appendix as they stood at each step of its workflow and at each new appendix.
create table plan_version (
    id        bigserial    primary key,
    plan_id   bigint       not null references plan (id),
    number    int          not null,
    status    varchar(20)  not null,
    reason    varchar(40)  not null,
    snapshot  jsonb        not null,
    taken_at  timestamptz  not null,
    taken_by  varchar(60)  not null,
    unique (plan_id, number)
);
