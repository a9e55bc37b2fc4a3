-- What a task's status follows from, kept with the task so that status can be counted over any
-- number of tasks in one aggregate (TaskStatus.of): the first day it is overdue unless completed
-- (null: never), and whether any progress has been recorded. Recomputed on every progress record.
alter table plan_task add column overdue_from date;
alter table plan_task add column progress_recorded boolean not null default false;
-- false until overdue_from and progress_recorded have been derived (rows written before this
-- migration are derived at start-up by TaskStatusBackfill).
alter table plan_task add column status_derived boolean not null default false;

create index plan_year_status_ix on plan (year, status);
