package io.lethe.purge.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
 * <p>
 * When the job has more rows left than one chunk takes at most ({@code row-chunk-max}), a
 * phase whose keys are uuids is split into {@code row-ranges} ranges of keys, deleted
 * side by side, each in its own chunks on a connection of its own: one statement keeps
 * one of the database's cores busy, and a large purge's rows step left the others idle. A
 * small purge keeps one range, and one round trip a phase. The checkpoint then holds each
 * range's last key ({@code phase:k0,k1}); a resumed run splits the phase into as many
 * ranges again. Phases run one after another, as the catalog's references need (items
 * before the assets they point at).
 */
final class RootRows implements PurgeStep {

	private static final Logger logger = LoggerFactory.getLogger(RootRows.class);

	private final PurgeScope scope;

	private final TransactionTemplate transactions;

	private final EngineProperties properties;

	private final StoreRetry retry;

	private final ExecutorService ranges;

	private final RowsTotal total;

	RootRows(PurgeScope scope, TransactionTemplate transactions, EngineProperties properties, StoreRetry retry,
			ExecutorService ranges) {
		this.scope = scope;
		this.transactions = transactions;
		this.properties = properties;
		this.retry = retry;
		this.ranges = ranges;
		this.total = new RowsTotal(scope, retry);
	}

	@Override
	public String name() {
		return "rows";
	}

	@Override
	public StepResult run(PurgeRun run) {
		PurgeJob job = run.job();
		boolean split = this.total.total(run) - job.rowsDeleted() > this.properties.rowChunkMax();
		List<RowPhase> phases = this.scope.rowPhases();
		String checkpoint = run.checkpoint();
		int from = (checkpoint != null) ? indexOf(phases, checkpoint.substring(0, checkpoint.indexOf(':'))) : 0;
		long deleted = 0;
		int mostRanges = 1;
		for (int phase = from; phase < phases.size(); phase++) {
			RowPhase current = phases.get(phase);
			KeyRanges ranges = (phase == from && checkpoint != null)
					? KeyRanges.resumed(current, checkpoint.substring(checkpoint.indexOf(':') + 1))
					: KeyRanges.fresh(current.name(), (split && current.uuidKeys()) ? this.properties.rowRanges() : 1);
			deleted += deleteRanges(run, current, ranges);
			mostRanges = Math.max(mostRanges, ranges.count());
		}
		UUID root = job.rootId();
		logger.info("Purge job {} for {} {}: {} catalog rows deleted, in {} range(s) of keys side by side", job.id(),
				job.rootType(), root, deleted, mostRanges);
		return StepResult.NEXT;
	}

	/**
	 * Every range of the phase, the first on this thread and the others beside it. Waits
	 * for all of them, even after one failed, so that none goes on writing once the step
	 * has returned.
	 */
	private long deleteRanges(PurgeRun run, RowPhase phase, KeyRanges ranges) {
		List<Future<Long>> others = new ArrayList<>();
		for (int range = 1; range < ranges.count(); range++) {
			int which = range;
			others.add(this.ranges.submit(() -> deleteRange(run, phase, ranges, which)));
		}
		long deleted = 0;
		RuntimeException failure = null;
		try {
			deleted += deleteRange(run, phase, ranges, 0);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (Future<Long> other : others) {
			try {
				deleted += other.get();
			}
			catch (ExecutionException ex) {
				RuntimeException cause = (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException(ex.getCause());
				if (failure == null) {
					failure = cause;
				}
				else {
					failure.addSuppressed(cause);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				other.cancel(true);
				failure = (failure != null) ? failure : new IllegalStateException("Interrupted deleting rows", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return deleted;
	}

	private long deleteRange(PurgeRun run, RowPhase phase, KeyRanges ranges, int range) {
		ChunkSize size = new ChunkSize(this.properties.rowChunk(), this.properties.rowChunkMax(),
				this.properties.rowChunkTime().toNanos());
		String after = ranges.after(range);
		String upTo = ranges.upTo(range);
		long deleted = 0;
		while (true) {
			run.lease().ensureHeld();
			String from = after;
			int keys = size.current();
			long started = System.nanoTime();
			Chunk chunk = this.retry.call("delete " + phase.name() + " rows",
					() -> this.transactions.execute((status) -> deleteChunk(run, phase, ranges, range, from, keys)));
			if (chunk.lastKey() == null) {
				break;
			}
			ranges.committed(range, chunk.lastKey());
			size.took(System.nanoTime() - started);
			deleted += chunk.deleted();
			after = chunk.lastKey();
			if (chunk.end()) {
				break;
			}
		}
		return deleted;
	}

	private Chunk deleteChunk(PurgeRun run, RowPhase phase, KeyRanges ranges, int range, String after, int keys) {
		Chunk chunk = phase.chunk().next(run.job(), after, ranges.upTo(range), keys);
		if (chunk.lastKey() != null) {
			run.progress(Counter.ROWS, chunk.deleted(), ranges.checkpointWith(range, chunk.lastKey()));
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

	/**
	 * A phase's keys cut into ranges by the first 32 bits of the uuid, each range's bound
	 * exclusive below and inclusive above, and each range's last committed key. One range
	 * has no bounds but where a checkpoint left it: its keys need not be uuids.
	 * <p>
	 * Each chunk's checkpoint names its own new key and the other ranges' last committed
	 * ones. Two chunks committing at once may each write the other's older key; a resumed
	 * range then walks again over keys already deleted, finding none of them, so a
	 * checkpoint can lag but never runs ahead of what committed.
	 */
	static final class KeyRanges {

		private final String phase;

		private final String[] after;

		private final String[] upTo;

		private KeyRanges(String phase, String[] after, String[] upTo) {
			this.phase = phase;
			this.after = after;
			this.upTo = upTo;
		}

		static KeyRanges fresh(String phase, int count) {
			if (count <= 1) {
				return new KeyRanges(phase, new String[] { null }, new String[] { null });
			}
			String[] after = new String[count];
			String[] upTo = new String[count];
			for (int range = 0; range < count; range++) {
				after[range] = bound(range, count);
				upTo[range] = (range + 1 < count) ? bound(range + 1, count) : null;
			}
			return new KeyRanges(phase, after, upTo);
		}

		/**
		 * From a checkpoint's keys: one (as before ranges, and always for keys that are
		 * not uuids, which may hold commas) or one per range.
		 */
		static KeyRanges resumed(RowPhase phase, String keys) {
			String[] after = phase.uuidKeys() ? keys.split(",", -1) : new String[] { keys };
			if (after.length == 1) {
				return new KeyRanges(phase.name(), after, new String[] { null });
			}
			String[] upTo = fresh(phase.name(), after.length).upTo;
			return new KeyRanges(phase.name(), after, upTo);
		}

		/** The greatest uuid below the range's first, the first range's below all. */
		static String bound(int range, int count) {
			if (range == 0) {
				return new UUID(0, 0).toString();
			}
			long first = (range * (1L << 32)) / count;
			return new UUID(((first - 1) << 32) | 0xFFFFFFFFL, -1L).toString();
		}

		int count() {
			return this.after.length;
		}

		synchronized String after(int range) {
			return this.after[range];
		}

		String upTo(int range) {
			return this.upTo[range];
		}

		synchronized void committed(int range, String key) {
			this.after[range] = key;
		}

		synchronized String checkpointWith(int range, String key) {
			String[] keys = this.after.clone();
			keys[range] = key;
			return this.phase + ":" + String.join(",", keys);
		}

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
