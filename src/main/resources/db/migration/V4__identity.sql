-- Accounts, scoped to a jurisdiction and, where the role needs it, a unit (C19).

create table account (
    id                bigserial    primary key,
    username          varchar(60)  not null unique,
    password_hash     varchar(200) not null,
    display_name      varchar(200) not null,
    email             varchar(200),
    role              varchar(30)  not null,
    jurisdiction_code varchar(8)   references jurisdiction (code),
    unit_id           bigint       references unit (id),
    enabled           boolean      not null default true,
    failed_logins     int          not null default 0,
    locked_until      timestamptz,
    password_changed_at timestamptz,
    demo              boolean      not null default false,
    constraint account_scope check (role = 'SYSTEM_ADMIN' or jurisdiction_code is not null),
    constraint account_unit check (role not in ('UNIT_HEAD', 'UNIT_OFFICER') or unit_id is not null)
);
