package io.lethe.purge.engine;

import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.job.Counter;
import io.lethe.purge.job.PurgeJob;

/**
 * Counts the catalog rows the rows step will delete, once per job, for its progress
 * ({@code rows_total}). A dataset's plan runs it {@link Overlapped beside} the objects
 * step: at 100,000 items the counts took 0.6 to 1 s of PostgreSQL's time (bench runs of 7
 * December), which the purge then waited for before its first delete. No row of the job's
 * scope goes before the rows step, so the count is the same then as now; the rows step
 * counts for itself when no count ran before it (other plans, a job from a worker of
 * before).
 */
final class RowsTotal implements PurgeStep {

	private final PurgeScope scope;

	private final StoreRetry retry;

	RowsTotal(PurgeScope scope, StoreRetry retry) {
		this.scope = scope;
		this.retry = retry;
	}

	@Override
	public String name() {
		return "rows-total";
	}

	@Override
	public StepResult run(PurgeRun run) {
		total(run);
		return StepResult.NEXT;
	}

	/** The job's rows in all, counted now (and recorded) when no count ran before. */
	long total(PurgeRun run) {
		PurgeJob job = run.job();
		if (job.rowsTotal() != null) {
			return job.rowsTotal();
		}
		long total = job.rowsDeleted() + this.retry.call("count rows", () -> this.scope.rowsLeft(job));
		run.total(Counter.ROWS, total);
		return total;
	}

}
