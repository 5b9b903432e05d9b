package io.lethe.purge.engine;

import java.util.List;
import java.util.UUID;

import io.lethe.purge.engine.PurgeScope.Chunk;
import io.lethe.purge.engine.PurgeScope.RowPhase;
import io.lethe.purge.engine.store.StoreRetry;
import io.lethe.purge.job.Counter;
import io.lethe.purge.job.PurgeJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the catalog rows of what the job purges, phase by phase as its
 * {@link PurgeScope} lists them, in keyset chunks: one short transaction per chunk
 * together with the job's count and checkpoint ({@code phase:last key}), so that a
 * resumed run goes on after the last chunk committed.
 */
final class RootRows implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootRows.class);

	private final PurgeScope scope;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	RootRows(PurgeScope scope, TransactionTemplate transactions, EngineProperties properties, StoreRetry retry) {
		this.scope = scope;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
	}

	@Override
	public String name() {
		return "rows";
	}

	@Override
	public StepResult run(PurgeRun run) {
		PurgeJob job = run.job();
		if (job.rowsTotal() == null) {
			long left = this.retry.call("count rows", () -> this.scope.rowsLeft(job));
			run.total(Counter.ROWS, job.rowsDeleted() + left);
		}
		List<RowPhase> phases = this.scope.rowPhases();
		String checkpoint = run.checkpoint();
		int from = (checkpoint != null) ? indexOf(phases, checkpoint.substring(0, checkpoint.indexOf(':'))) : 0;
		long deleted = 0;
		for (int phase = from; phase < phases.size(); phase++) {
			RowPhase current = phases.get(phase);
			String after = (phase == from && checkpoint != null) ? checkpoint.substring(checkpoint.indexOf(':') + 1)
					: null;
			while (true) {
				run.lease().ensureHeld();
				String from0 = after;
				Chunk chunk = this.retry.call("delete " + current.name() + " rows",
						() -> this.transactions.execute((status) -> deleteChunk(run, current, from0)));
				if (chunk.lastKey() == null) {
					break;
				}
				deleted += chunk.deleted();
				after = chunk.lastKey();
			}
		}
		UUID root = job.rootId();
		logger.info("Purge job {} for {} {}: {} catalog rows deleted", job.id(), job.rootType(), root, deleted);
		return StepResult.NEXT;
	}

	private Chunk deleteChunk(PurgeRun run, RowPhase phase, String after) {
		Chunk chunk = phase.chunk().next(run.job(), after, this.properties.rowChunk());
		if (chunk.lastKey() != null) {
			run.progress(Counter.ROWS, chunk.deleted(), phase.name() + ":" + chunk.lastKey());
		}
		return chunk;
	}

	private static int indexOf(List<RowPhase> phases, String name) {
		for (int i = 0; i < phases.size(); i++) {
			if (phases.get(i).name().equals(name)) {
				return i;
			}
		}
		throw new IllegalStateException("Unknown rows phase " + name);
	}

}
