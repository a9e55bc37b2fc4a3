-- C5: yearly estimates of each unit, line by line, tied to plan tasks or programme budget lines;
-- appraised by the finance body, allocated, spent and settled. Amounts are exact đồng.
create table budget_estimate (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    unit_id           bigint       not null references unit (id),
    year              int          not null,
    status            varchar(20)  not null,
    title             text         not null,
    settled_on        date,
    settlement_note   text,
    version           bigint       not null default 0,
    created_by        varchar(60)  not null,
    created_at        timestamptz  not null,
    unique (unit_id, year)
);
create index budget_estimate_jurisdiction_year_ix on budget_estimate (jurisdiction_code, year);

create table budget_estimate_line (
    id                bigserial      primary key,
    estimate_id       bigint         not null references budget_estimate (id),
    position          int            not null,
    content           text           not null,
    plan_task_id      bigint         references plan_task (id),
    programme_line_id bigint         references budget_line (id),
    funding_source    varchar(20)    not null,
    capital_kind      varchar(20)    not null,
    requested         numeric(18, 0) not null check (requested > 0),
    appraisal         varchar(20),
    approved          numeric(18, 0) check (approved >= 0),
    appraisal_reason  text,
    allocated         numeric(18, 0) check (allocated >= 0)
);
create index budget_estimate_line_estimate_ix on budget_estimate_line (estimate_id);

create table budget_spending (
    id          bigserial      primary key,
    line_id     bigint         not null references budget_estimate_line (id),
    spent_on    date           not null,
    amount      numeric(18, 0) not null check (amount > 0),
    document    text           not null,
    recorded_by varchar(60)    not null,
    recorded_at timestamptz    not null
);
create index budget_spending_line_ix on budget_spending (line_id);

create table budget_event (
    id          bigserial    primary key,
    estimate_id bigint       not null references budget_estimate (id),
    at          timestamptz  not null,
    username    varchar(60)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    note        text
);
create index budget_event_estimate_ix on budget_event (estimate_id);
