-- C6: reporting periods and ad-hoc requests, report forms as versioned data, unit reports and their
-- workflow, reminders with a mail outbox, consolidation, calendar links.

-- A form: narrative sections and numeric indicators; kind REPORT (results) or PLAN (a unit's annual plan). jurisdiction_code null = the form shipped with the system.
create table report_form (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   references jurisdiction (code),
    kind              varchar(20)  not null,
    version           int          not null,
    title             text         not null,
    definition        jsonb        not null,
    created_by        varchar(60)  not null,
    created_at        timestamptz  not null
);
create unique index report_form_version_ux on report_form (coalesce(jurisdiction_code, ''), kind, version);

-- A period generated from a reporting rule for a year (rule_id set), or an ad-hoc request (rule_id null).
create table reporting_period (
    id                bigserial    primary key,
    jurisdiction_code varchar(8)   not null references jurisdiction (code),
    year              int          not null,
    kind              varchar(30)  not null,
    covers            varchar(30)  not null,
    covers_from       date         not null,
    covers_to         date         not null,
    due_before        date         not null,
    last_on_time_day  date         not null,
    rule_id           bigint       references reporting_rule (id),
    form_id           bigint       not null references report_form (id),
    title             text         not null,
    recipients        text         not null,
    document_number   varchar(60),
    article_ref       varchar(100),
    quote             text,
    instructions      text,
    demo              boolean      not null default false,
    created_by        varchar(60)  not null,
    created_at        timestamptz  not null,
    constraint reporting_period_due check (last_on_time_day < due_before)
);
create unique index reporting_period_rule_ux on reporting_period (rule_id, year) where rule_id is not null;
create index reporting_period_jurisdiction_ix on reporting_period (jurisdiction_code, year);

-- What one unit owes for one period. Indicators and narrative are keyed by the form's codes.
create table report (
    id                 bigserial    primary key,
    period_id          bigint       not null references reporting_period (id),
    unit_id            bigint       not null references unit (id),
    status             varchar(20)  not null,
    exempt             boolean      not null default false,
    indicators         jsonb        not null default '{}'::jsonb,
    narrative          jsonb        not null default '{}'::jsonb,
    prefill            jsonb        not null default '{}'::jsonb,
    first_submitted_on date,
    status_changed_at  timestamptz,
    version            bigint       not null default 0,
    unique (period_id, unit_id)
);
create index report_unit_ix on report (unit_id);

-- Every workflow step: who moved the report from which status to which, when, and why.
create table report_event (
    id          bigserial    primary key,
    report_id   bigint       not null references report (id),
    at          timestamptz  not null,
    username    varchar(60)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    note        text
);
create index report_event_report_ix on report_event (report_id);

-- A prefilled number the officer changed: what the system had, from where, and what was entered.
create table report_correction (
    id         bigserial     primary key,
    report_id  bigint        not null references report (id),
    indicator  varchar(60)   not null,
    prefilled  numeric(20,2),
    value      numeric(20,2),
    source     text          not null,
    username   varchar(60)   not null,
    at         timestamptz   not null
);
create index report_correction_report_ix on report_correction (report_id);

create table report_attachment (
    id           bigserial    primary key,
    report_id    bigint       not null references report (id),
    filename     varchar(300) not null,
    content_type varchar(100) not null,
    size         bigint       not null,
    storage_key  varchar(200) not null,
    sha256       varchar(64)  not null,
    uploaded_by  varchar(60)  not null,
    uploaded_at  timestamptz  not null
);
create index report_attachment_report_ix on report_attachment (report_id);

-- When a jurisdiction reminds: days before the due date, then every few days while overdue.
create table reminder_setting (
    jurisdiction_code varchar(8)  primary key references jurisdiction (code),
    days_before       varchar(60) not null,
    overdue_every     int         not null check (overdue_every between 1 and 60),
    updated_by        varchar(60) not null,
    updated_at        timestamptz not null
);

-- One row per reminder ever decided; the unique key is what makes each one happen once, on any node.
create table reminder (
    id          bigserial    primary key,
    dedup_key   varchar(300) not null unique,
    report_id   bigint       references report (id),
    jurisdiction_code varchar(8) not null references jurisdiction (code),
    occasion    varchar(40)  not null,
    on_day      date         not null,
    channel     varchar(10)  not null,
    recipient   varchar(200) not null,
    created_at  timestamptz  not null
);
create index reminder_report_ix on reminder (report_id);

-- Mail waits here until the mail server takes it; a server that is down is retried later.
create table mail_outbox (
    id              bigserial    primary key,
    reminder_id     bigint       references reminder (id),
    recipient       varchar(200) not null,
    subject         text         not null,
    body            text         not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      text,
    sent_at         timestamptz
);
create index mail_outbox_pending_ix on mail_outbox (next_attempt_at) where sent_at is null;

create table notification (
    id          bigserial    primary key,
    account_id  bigint       not null references account (id),
    reminder_id bigint       references reminder (id),
    text        text         not null,
    link        varchar(300),
    created_at  timestamptz  not null,
    read_at     timestamptz
);
create index notification_account_ix on notification (account_id, created_at desc);

-- The jurisdiction's report built from the accepted unit reports: a draft until finalised.
create table consolidation (
    id           bigserial    primary key,
    period_id    bigint       not null unique references reporting_period (id),
    status       varchar(20)  not null,
    number       varchar(60),
    issued_on    date,
    signer       varchar(200),
    signer_title varchar(200),
    content      jsonb        not null,
    edits        jsonb        not null default '{}'::jsonb,
    built_at     timestamptz  not null,
    built_by     varchar(60)  not null,
    finalised_at timestamptz,
    finalised_by varchar(60),
    version      bigint       not null default 0
);

-- A secret link to a user's deadlines as iCalendar; revoking it ends the feed.
create table calendar_token (
    token      varchar(64)  primary key,
    account_id bigint       not null references account (id),
    created_at timestamptz  not null,
    revoked_at timestamptz
);
create index calendar_token_account_ix on calendar_token (account_id);
