package io.lethe.events.codec;

/**
 * Lethe's Kafka topics. Every record is keyed by its root id (dataset or asset) so that
 * all events of one root stay ordered in one partition.
 */
public final class Topics {

	/**
	 * Deletion commands for the purge worker, and for downstream consumers (search
	 * indexes, caches, analytics).
	 */
	public static final String DELETIONS = "lethe.deletions";

	/**
	 * Outcomes of purges ({@code PurgeCompleted}, {@code PurgeFailed}) and the worker's
	 * state snapshots ({@code PurgeJobUpdated} keyed by the job's root id,
	 * {@code ReconcileRunUpdated} keyed by the run id), from which the command service
	 * keeps its own copy of every job's status.
	 */
	public static final String PURGE_EVENTS = "lethe.purge-events";

	/**
	 * Records of {@link #DELETIONS} that could not be processed, with the cause in their
	 * headers.
	 */
	public static final String DELETIONS_DLT = "lethe.deletions.DLT";

	/**
	 * Downstream consumers' answers to deletions ({@code DeletionAcknowledged}, keyed by
	 * the root id), which the command service keeps in its ledger.
	 */
	public static final String DELETION_ACKS = "lethe.deletion-acks";

	/** Partitions of {@link #DELETIONS}; roots spread over them by key. */
	public static final int DELETIONS_PARTITIONS = 6;

	private Topics() {
	}

}
