-- C3, C4: programmes with targets and budget estimate tables; annual plans, their tasks, progress and comments.
-- Text that is shown and exported as a whole (legal bases, sections, recipients) is kept as JSON.

create table programme (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    decision_number   varchar(60)  not null unique,
    decided_on        date         not null,
    title             text         not null,
    signer            varchar(200),
    signer_title      varchar(200),
    period_from       int          not null,
    period_to         int          not null,
    content           jsonb        not null,
    budget_unit       varchar(40)  not null,
    budget_columns    jsonb        not null,
    stated_total      jsonb        not null,
    total_in_words    text
);

-- Amounts are kept as the document prints them ("0,7"); sums are computed beside them, never over them.
create table budget_section (
    id              bigserial   primary key,
    programme_id    bigint      not null references programme (id),
    position        int         not null,
    code            varchar(10) not null,
    title           text        not null,
    stated_subtotal jsonb
);

create table budget_line (
    id                   bigserial   primary key,
    section_id           bigint      not null references budget_section (id),
    position             int         not null,
    number               varchar(10),
    content              text        not null,
    amounts              jsonb       not null,
    implementing_unit    text,
    implementing_unit_id bigint      references unit (id),
    funding_source       text
);

create table programme_target (
    id            bigserial     primary key,
    programme_id  bigint        not null references programme (id),
    position      int           not null,
    code          varchar(20)   not null,
    phase         varchar(20),
    text          text          not null,
    measure       varchar(10)   not null,
    target_value  numeric(14,2),
    subject       text,
    deadline      date,
    computable    varchar(40)
);

create table target_measurement (
    id          bigserial     primary key,
    target_id   bigint        not null references programme_target (id),
    measured_on date          not null,
    value       numeric(14,2) not null,
    evidence    text          not null,
    unit_id     bigint        references unit (id),
    recorded_by varchar(60)   not null,
    recorded_at timestamptz   not null
);
create index target_measurement_target_ix on target_measurement (target_id, measured_on);

create table plan (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    unit_id           bigint       references unit (id),
    year              int          not null,
    status            varchar(20)  not null,
    number            varchar(60),
    issued_on         date,
    place             varchar(100),
    title             text         not null,
    issuer            varchar(200),
    signer            varchar(200),
    signer_title      varchar(200),
    content           jsonb        not null,
    status_changed_at timestamptz,
    version           bigint       not null default 0,
    created_by        varchar(60),
    created_at        timestamptz  not null
);
create index plan_jurisdiction_year_ix on plan (jurisdiction_code, year);
create unique index plan_unit_year_ux on plan (unit_id, year) where unit_id is not null;

create table plan_task (
    id                 bigserial   primary key,
    plan_id            bigint      not null references plan (id),
    position           int         not null,
    group_code         varchar(10),
    group_title        text,
    number             int,
    content            text        not null,
    schedule_phrase    text        not null,
    schedule_kind      varchar(20) not null,
    schedule_start     date,
    schedule_due       date,
    schedule_frequency varchar(20),
    lead_text          text        not null,
    lead_unit_id       bigint      references unit (id),
    cooperating_text   text        not null default '',
    completed_on       date,
    version            bigint      not null default 0
);
create index plan_task_plan_ix on plan_task (plan_id);
create index plan_task_lead_ix on plan_task (lead_unit_id);

create table plan_task_cooperator (
    task_id  bigint not null references plan_task (id),
    position int    not null,
    text     text   not null,
    unit_id  bigint references unit (id),
    primary key (task_id, position)
);

create table task_progress (
    id          bigserial    primary key,
    task_id     bigint       not null references plan_task (id),
    recorded_on date         not null,
    note        text         not null,
    link        varchar(500),
    completes   boolean      not null,
    unit_id     bigint       references unit (id),
    recorded_by varchar(60)  not null,
    recorded_at timestamptz  not null
);
create index task_progress_task_ix on task_progress (task_id);

-- Comments on a draft: who, in which document, what, and how it was handled (tiếp thu, giải trình…).
create table plan_comment (
    id              bigserial    primary key,
    plan_id         bigint       not null references plan (id),
    position        int          not null,
    body_text       text         not null,
    unit_id         bigint       references unit (id),
    document        text,
    document_number varchar(100),
    document_date   date,
    text            text         not null,
    handling        varchar(20)  not null,
    handling_text   text
);
create index plan_comment_plan_ix on plan_comment (plan_id);

-- Every workflow step of a plan: who moved it from which status to which, when, and why.
create table plan_event (
    id          bigserial    primary key,
    plan_id     bigint       not null references plan (id),
    at          timestamptz  not null,
    username    varchar(60)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    note        text
);
create index plan_event_plan_ix on plan_event (plan_id);
