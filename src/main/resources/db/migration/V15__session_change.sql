-- Sessions whose stored state changed (attributes, id) or that ended (sign-out): each node keeps
-- recently read sessions in memory and drops its copy when it sees the session here (NodeSessions).
-- Rows are kept for an hour.
create table session_change (
    seq        bigserial   primary key,
    session_id char(36)    not null,
    changed_at timestamptz not null default clock_timestamp()
);
create index session_change_at on session_change (changed_at);
