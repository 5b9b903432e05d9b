package io.lethe.purge.engine;

import java.time.Duration;
import java.time.Instant;

import io.lethe.purge.engine.store.CatalogChunks;
import io.lethe.purge.job.PurgeJob;

/**
 * Writes that may still land an object under a job's prefixes. The command service
 * commits an object's intent before it writes the object, and removes the intent with the
 * row (or after deleting the object again when the row may not commit, as in a fenced
 * dataset). While an intent under the job's prefixes is younger than the in-flight
 * window, its object may land after the objects step listed the prefix: a receipt then
 * would claim a purge that is not whole. So verification waits, and the job goes round
 * its steps again once the write is over, deleting whatever it left.
 */
final class InFlightWrites {

	private final CatalogChunks chunks;

	private final Duration recheck;

	InFlightWrites(CatalogChunks chunks, Duration recheck) {
		this.chunks = chunks;
		this.recheck = recheck;
	}

	/**
	 * @return a deferral, back to the fence, while writes are in flight; null when none
	 * is
	 */
	StepResult check(PurgeRun run) {
		PurgeJob job = run.job();
		long fresh = this.chunks.freshIntents(job);
		if (fresh == 0) {
			return null;
		}
		run.rewind(PurgeJob.FIRST_STEP);
		return new StepResult.Defer(Instant.now().plus(this.recheck), fresh + " object writes under the prefixes of "
				+ job.rootType() + " " + job.rootId() + " are in flight; verified once they are over");
	}

}
