package io.lethe.command.admin.web;

import java.time.Instant;
import java.util.UUID;

import io.lethe.command.deletion.PurgeJobView;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A purge job as operators see it: who asked and when, where it stands, and what it has
 * deleted in each store of how much (a total is null until the worker has counted it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record JobResponse(UUID jobId, String rootType, UUID rootId, UUID orgId, String state, String step, int attempts,
		String lastError, Instant runAt, Instant requestedAt, String requestedBy, Instant startedAt,
		Instant completedAt, long vectorsDeleted, Long vectorsTotal, long objectsDeleted, Long objectsTotal,
		long rowsDeleted, Long rowsTotal) {

	static JobResponse of(PurgeJobView j) {
		return new JobResponse(j.id(), j.rootType(), j.rootId(), j.orgId(), j.state(), j.step(), j.attempts(),
				j.lastError(), j.runAt(), j.requestedAt(), j.requestedBy(), j.startedAt(), j.completedAt(),
				j.vectorsDeleted(), j.vectorsTotal(), j.objectsDeleted(), j.objectsTotal(), j.rowsDeleted(),
				j.rowsTotal());
	}

}
