package io.lethe.purge.engine;

import java.util.List;
import java.util.function.ToLongFunction;

import io.lethe.purge.job.PurgeJob;

/**
 * What the purge of one root type covers, as the steps every root type shares (rows,
 * verify) need to know it: the catalog rows it deletes, phase by phase, and the vectors
 * verification counts as left.
 */
public interface PurgeScope {

	/** The phases of the rows step, in the order they run; their names are distinct. */
	List<RowPhase> rowPhases();

	/** Vectors of what the job purges that are left in the index. */
	long vectorsLeft(PurgeJob job);

	/** Catalog rows of what the job purges that are left: those its phases delete. */
	default long rowsLeft(PurgeJob job) {
		return rowPhases().stream().mapToLong((phase) -> phase.left().applyAsLong(job)).sum();
	}

	/**
	 * One kind of catalog rows, deleted in keyset chunks.
	 *
	 * @param name names the phase in the rows step's checkpoint ({@code name:last key},
	 * or the last key of each range, comma-separated)
	 * @param chunk deletes the next chunk after a key (null: from the start) up to
	 * another (null: to the end)
	 * @param left counts the rows of the phase left
	 * @param uuidKeys whether its keys are uuids, which the rows step splits into ranges
	 * deleted side by side ({@code row-ranges})
	 */
	record RowPhase(String name, ChunkDelete chunk, ToLongFunction<PurgeJob> left, boolean uuidKeys) {
	}

	@FunctionalInterface
	interface ChunkDelete {

		/**
		 * Deletes up to {@code size} rows after {@code after} and at most {@code upTo},
		 * in one transaction.
		 */
		Chunk next(PurgeJob job, String after, String upTo, int size);

	}

	/**
	 * What one chunk deleted and the last key it covered; a null key when nothing was
	 * left.
	 *
	 * @param end whether the chunk found fewer keys than it asked for: the phase is over,
	 * with no round trip to find nothing after it (rows cannot join a fenced job's scope,
	 * and verification would find any that did)
	 */
	record Chunk(long deleted, String lastKey, boolean end) {

		public static final Chunk NONE = new Chunk(0, null, true);

	}

}
