-- TaskStatusFacts looks at start-up for tasks whose status facts are not derived yet (rows written
-- before V9): with this index that is a lookup, not a scan of every task.
create index plan_task_status_pending_ix on plan_task (id) where not status_derived;
