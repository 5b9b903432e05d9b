package io.lethe.command.admin.web;

import java.time.Instant;
import java.util.UUID;

import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.PurgeJobView;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A purge job as operators see it: who asked and when, where it stands, and what it has
 * deleted in each store of how much (a total is null until the worker has counted it),
 * and where the downstream consumers stand on its deletion.
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
		@Schema(types = { "integer", "null" }, format = "int64") Long rowsTotal,
		@Schema(types = { "object", "null" }, description = """
				The downstream ledger of the root's current deletion, counted; null when no consumer is \
				asked about it.""") DownstreamSummary downstream){

	static JobResponse of(PurgeJobView j, DownstreamLedger.Summary summary) {
		return new JobResponse(j.id(), j.rootType(), j.rootId(), j.orgId(), j.state(), j.step(), j.attempts(),
				j.lastError(), j.runAt(), j.requestedAt(), j.requestedBy(), j.startedAt(), j.completedAt(),
				j.vectorsDeleted(), j.vectorsTotal(), j.objectsDeleted(), j.objectsTotal(), j.rowsDeleted(),
				j.rowsTotal(), (summary != null) ? DownstreamSummary.of(summary) : null);
	}

	static DownstreamLedger.Root root(PurgeJobView j) {
		return new DownstreamLedger.Root(j.rootType(), j.rootId());
	}

	/**
	 * How many consumers the deletion asks, how many acknowledged it (deleted or nothing
	 * held), answered failed, or are past due without an answer; {@code complete} once
	 * the ledger closed (the purge done and every required consumer answered).
	 */
	record DownstreamSummary(int consumers, int acknowledged, int failed, int overdue, boolean complete) {

		static DownstreamSummary of(DownstreamLedger.Summary s) {
			return new DownstreamSummary(s.consumers(), s.acknowledged(), s.failed(), s.overdue(), s.complete());
		}

	}

}
