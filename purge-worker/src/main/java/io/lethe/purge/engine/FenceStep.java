package io.lethe.purge.engine;

import io.lethe.purge.job.PurgeJob;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step of every purge: in one transaction, checks the root against the catalog
 * (and decides whether the purge may run at all) and fixes the prefixes the purge will
 * empty. A verification that finds residue sends the job back here.
 */
public abstract class FenceStep implements PurgeStep {

	private final TransactionTemplate transactions;

	protected FenceStep(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	@Override
	public final String name() {
		return PurgeJob.FIRST_STEP;
	}

	@Override
	public final StepResult run(PurgeRun run) {
		return this.transactions.execute((status) -> fence(run));
	}

	/** The fence itself, inside the transaction. */
	protected abstract StepResult fence(PurgeRun run);

}
