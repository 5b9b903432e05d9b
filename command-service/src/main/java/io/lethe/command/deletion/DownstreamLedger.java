package io.lethe.command.deletion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What the downstream consumers answered about a root's current deletion, for its
 * deletion status. Implemented by the ledger, which depends on this feature's events;
 * this port keeps the dependency one way.
 */
public interface DownstreamLedger {

	/**
	 * The consumers asked about the root's current deletion and where each stands; empty
	 * when there is none, or when it was cancelled by a restore.
	 */
	List<Downstream> downstream(String rootType, UUID rootId);

	/**
	 * Where the consumers stand on the current deletion of each root named, in one read:
	 * the roots whose deletion has a ledger with at least one consumer in it.
	 */
	List<Summary> summaries(Collection<Root> roots);

	/** A root of a deletion, as a purge job names it. */
	record Root(String type, UUID id) {
	}

	/**
	 * How many consumers a root's current deletion asks, and how many of them answered
	 * (deleted or nothing held), answered failed, or are past due without an answer;
	 * {@code complete} once the ledger closed.
	 */
	record Summary(Root root, int consumers, int acknowledged, int failed, int overdue, boolean complete) {
	}

	/**
	 * The completion receipt of the root's current deletion, once the ledger closed it;
	 * it outlives the purge.
	 */
	Optional<CompletionReceipt> completionReceipt(String rootType, UUID rootId);

	/**
	 * The root's latest deletion as the ledger knows it, cancelled or not: what a samples
	 * batch's status shows beside its purge job.
	 */
	Optional<Tracked> tracked(String rootType, UUID rootId);

	/**
	 * A deletion in the ledger.
	 *
	 * @param cancelledAt when a restore cancelled it
	 * @param completedAt when it closed downstream
	 */
	record Tracked(UUID deletionEventId, UUID orgId, Instant requestedAt, UUID jobId, Instant cancelledAt,
			Instant completedAt) {
	}

	/**
	 * One consumer's place in a deletion's ledger, as the deletion statuses and the
	 * operator's job detail answer it.
	 *
	 * @param state {@code waiting}, {@code acknowledged}, {@code failed} or
	 * {@code overdue}
	 * @param dueAt when the purge began plus the consumer's deadline; null before the
	 * purge began
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Downstream(String consumer, boolean required, @Schema(allowableValues = {
			"waiting", "acknowledged", "failed", "overdue" }) String state,
			@Schema(types = { "string", "null" }, format = "date-time") Instant ackedAt,
			@Schema(types = { "string", "null" }) String outcome,
			@Schema(types = { "string", "null" }, format = "date-time") Instant dueAt){
	}

}
