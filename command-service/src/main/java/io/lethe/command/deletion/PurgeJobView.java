package io.lethe.command.deletion;

import java.time.Instant;
import java.util.UUID;

/**
 * The purge worker's job for a root, as the command service's copy of the worker's status
 * shows it.
 */
public record PurgeJobView(UUID id, String rootType, UUID rootId, UUID orgId, String state, String step, int attempts,
		String lastError, Instant runAt, Instant requestedAt, String requestedBy, Instant startedAt,
		Instant completedAt, long vectorsDeleted, Long vectorsTotal, long objectsDeleted, Long objectsTotal,
		long rowsDeleted, Long rowsTotal) {
}
