-- The roll-up of task status (PlanQueries.rollup) reads only these columns of each task: with them in
-- an index it scans the index alone instead of every task's full row (texts included).
create index plan_task_rollup_ix on plan_task (plan_id) include (completed_on, overdue_from, progress_recorded);
