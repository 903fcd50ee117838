-- ADR 085: due jobs are claimed by priority, then run_at. DESC NULLS FIRST is what `order by priority desc` means,
-- so the claim walks this index in order (DESC NULLS LAST made the planner sort every due job instead).
DROP INDEX "jobs_queued_run_at_idx";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "priority" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_queued_priority_run_at_idx" ON "jobs" USING btree ("priority" DESC NULLS FIRST,"run_at") WHERE "jobs"."state" = 'queued';