-- C6: a consolidation being built in the background, with its progress, visible from any node.
create table consolidation_run (
    period_id   bigint       primary key references reporting_period (id),
    state       varchar(20)  not null,
    done        int          not null default 0,
    total       int          not null default 0,
    started_by  varchar(60)  not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    error_key   varchar(100)
);
