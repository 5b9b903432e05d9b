package io.lethe.command.admin.web;

import java.time.Instant;
import java.util.UUID;

import io.lethe.command.deletion.PurgeJobView;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A purge job as operators see it: who asked and when, where it stands, and what it has
 * deleted in each store of how much (a total is null until the worker has counted it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record JobResponse(UUID jobId, String rootType, UUID rootId, UUID orgId, String state, String step, int attempts,
		@Schema(types = {
				"string", "null" }) String lastError,
		Instant runAt, @Schema(types = { "string", "null" }, format = "date-time") Instant requestedAt,
		@Schema(types = { "string", "null" }) String requestedBy,
		@Schema(types = { "string", "null" }, format = "date-time") Instant startedAt,
		@Schema(types = { "string", "null" }, format = "date-time") Instant completedAt, long vectorsDeleted,
		@Schema(types = { "integer", "null" }, format = "int64") Long vectorsTotal, long objectsDeleted,
		@Schema(types = { "integer", "null" }, format = "int64") Long objectsTotal, long rowsDeleted,
		@Schema(types = { "integer", "null" }, format = "int64") Long rowsTotal){

	static JobResponse of(PurgeJobView j) {
		return new JobResponse(j.id(), j.rootType(), j.rootId(), j.orgId(), j.state(), j.step(), j.attempts(),
				j.lastError(), j.runAt(), j.requestedAt(), j.requestedBy(), j.startedAt(), j.completedAt(),
				j.vectorsDeleted(), j.vectorsTotal(), j.objectsDeleted(), j.objectsTotal(), j.rowsDeleted(),
				j.rowsTotal());
	}

}
