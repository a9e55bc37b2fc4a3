-- Confirmed appendices are saved in the background; the import row shows how far it has got.
-- PREVIEW (waiting for the user) → RUNNING → DONE or FAILED. A RUNNING import whose node stopped is
-- shown as interrupted after a while (nothing of it was saved: it is one transaction).
alter table plan_import add column status varchar(20) not null default 'PREVIEW';
alter table plan_import add column total int;
alter table plan_import add column done int not null default 0;
alter table plan_import add column error_key varchar(100);
alter table plan_import add column error_args jsonb;
alter table plan_import add column started_at timestamptz;
alter table plan_import add column finished_at timestamptz;
