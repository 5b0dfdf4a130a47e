-- One run of a report at a time, on every instance: a run claims its report by setting run_started_at with a
-- conditional update, and clears it when it ends (a claim older than an hour belongs to an instance that stopped).
alter table report add column run_started_at timestamp with time zone;
-- Who asked for a run now, so "Run now" can be limited per user across instances; null for scheduled runs.
alter table report_run add column requested_by varchar(50);
create index ix_report_run_requested on report_run (requested_by, started_at);
