package io.lethe.purge.job;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A purge of one root (a dataset, an asset, or a batch of samples), as stored in
 * {@code purge.jobs}: its state, the step it reached with the step's checkpoint, and the
 * progress per store.
 */
public record PurgeJob(UUID id, String rootType, UUID rootId, UUID orgId, JobState state, String step,
		String checkpoint, Instant runAt, Instant requestedAt, String requestedBy, RequestedVia requestedVia,
		String leaseOwner, Instant leaseExpiresAt, int attempts, String lastError, long vectorsDeleted,
		Long vectorsTotal, long objectsDeleted, Long objectsTotal, long rowsDeleted, Long rowsTotal, Instant startedAt,
		Instant completedAt, String verification, UUID outcomeEventId, boolean outcomePublished) {

	/** The root type of a dataset purge. */
	public static final String DATASET = "dataset";

	/** The root type of an asset purge (after a forced asset delete). */
	public static final String ASSET = "asset";

	/**
	 * The root type of a batch of samples deleted together; its root id is the id of the
	 * event that announced the batch.
	 */
	public static final String SAMPLES = "samples";

	/** Every root type a purge exists for. */
	public static final Set<String> ROOT_TYPES = Set.of(DATASET, ASSET, SAMPLES);

	/** The step a job that has finished every step is at. */
	public static final String DONE = "done";

	/** The first step of every purge. */
	public static final String FIRST_STEP = "fence";

}
