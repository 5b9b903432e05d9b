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
 * resumed run goes on after the last chunk committed. Chunks start at {@code row-chunk}
 * keys and adapt to what a transaction costs here: they double while one takes under half
 * of {@code row-chunk-time} (up to {@code row-chunk-max}) and halve when one took longer,
 * so a large purge pays few progress writes and round trips while no transaction holds
 * its row locks against the command service for long.
 */
final class RootRows implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootRows.class);

	private final PurgeScope scope;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final RowsTotal total;

	RootRows(PurgeScope scope, TransactionTemplate transactions, EngineProperties properties, StoreRetry retry) {
		this.scope = scope;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
		this.total = new RowsTotal(scope, retry);
	}

	@Override
	public String name() {
		return "rows";
	}

	@Override
	public StepResult run(PurgeRun run) {
		PurgeJob job = run.job();
		this.total.run(run);
		List<RowPhase> phases = this.scope.rowPhases();
		String checkpoint = run.checkpoint();
		int from = (checkpoint != null) ? indexOf(phases, checkpoint.substring(0, checkpoint.indexOf(':'))) : 0;
		long deleted = 0;
		ChunkSize size = new ChunkSize(this.properties.rowChunk(), this.properties.rowChunkMax(),
				this.properties.rowChunkTime().toNanos());
		for (int phase = from; phase < phases.size(); phase++) {
			RowPhase current = phases.get(phase);
			String after = (phase == from && checkpoint != null) ? checkpoint.substring(checkpoint.indexOf(':') + 1)
					: null;
			while (true) {
				run.lease().ensureHeld();
				String from0 = after;
				int keys = size.current();
				long started = System.nanoTime();
				Chunk chunk = this.retry.call("delete " + current.name() + " rows",
						() -> this.transactions.execute((status) -> deleteChunk(run, current, from0, keys)));
				if (chunk.lastKey() == null) {
					break;
				}
				size.took(System.nanoTime() - started);
				deleted += chunk.deleted();
				after = chunk.lastKey();
				if (chunk.end()) {
					break;
				}
			}
		}
		UUID root = job.rootId();
		logger.info("Purge job {} for {} {}: {} catalog rows deleted", job.id(), job.rootType(), root, deleted);
		return StepResult.NEXT;
	}

	private Chunk deleteChunk(PurgeRun run, RowPhase phase, String after, int keys) {
		Chunk chunk = phase.chunk().next(run.job(), after, keys);
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

	/** The keys of the next chunk, from how long the last one took. */
	static final class ChunkSize {

		private final int max;

		private final long budgetNanos;

		private int current;

		ChunkSize(int first, int max, long budgetNanos) {
			this.current = first;
			this.max = max;
			this.budgetNanos = budgetNanos;
		}

		int current() {
			return this.current;
		}

		void took(long nanos) {
			if (nanos > this.budgetNanos) {
				this.current = Math.max(1, this.current / 2);
			}
			else if (nanos < this.budgetNanos / 2) {
				this.current = (int) Math.min(this.max, this.current * 2L);
			}
		}

	}

}
