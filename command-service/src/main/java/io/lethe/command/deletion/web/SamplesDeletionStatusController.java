package io.lethe.command.deletion.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.CompletionReceipt;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.DownstreamLedger.Downstream;
import io.lethe.command.deletion.PurgeJobView;
import io.lethe.command.deletion.PurgeRecords;
import io.lethe.command.deletion.ReceiptView;
import io.lethe.command.deletion.SignedReceipt;
import io.lethe.command.deletion.web.DeletionStatusController.JobStatus;
import io.lethe.command.deletion.web.DeletionStatusController.Progress;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.lethe.problems.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a batch of samples' deletion stands, by the batch's id (the
 * {@code deletion_event_id} its delete answered, its purge job's root and the root id of
 * its acknowledgements): its purge job and progress, the store receipt, the downstream
 * consumers and the completion receipt, from the ledger and the command service's copy of
 * the worker's jobs. A batch has no row of its own, so this is all there is of it.
 */
@Tag(name = Tags.DELETIONS)
@RestController
class SamplesDeletionStatusController {

	private final PurgeRecords purges;

	private final DownstreamLedger ledger;

	SamplesDeletionStatusController(PurgeRecords purges, DownstreamLedger ledger) {
		this.purges = purges;
		this.ledger = ledger;
	}

	@Operation(operationId = "getSamplesDeletion", summary = "Get a samples batch's deletion status", description = """
			The batch named by the `deletion_event_id` of its delete: `state` is `deleted` (purge \
			not begun), `purging`, `purged` or `failed`, with the purge job, its progress, the store \
			receipt, the downstream consumers and the completion receipt. Purge details trail the \
			worker by typically well under a second.""")
	@ProblemResponse(status = 404, description = "No samples deletion of that id is known in the key's org.")
	@GetMapping("/api/v1/samples/deletions/{deletion_event_id}")
	@Transactional(readOnly = true)
	SamplesDeletionStatus status(Caller caller, @PathVariable("deletion_event_id") UUID id) {
		Optional<DownstreamLedger.Tracked> tracked = this.ledger.tracked("samples", id)
			.filter((t) -> t.orgId().equals(caller.orgId()));
		Optional<PurgeJobView> job = this.purges.job("samples", id).filter((j) -> caller.orgId().equals(j.orgId()));
		if (tracked.isEmpty() && job.isEmpty()) {
			throw new NotFoundException("Samples deletion " + id);
		}
		Optional<ReceiptView> receipt = job.flatMap((j) -> this.purges.receipt(j.id()));
		String state = job.map((j) -> switch (j.state()) {
			case "failed" -> "failed";
			case "completed" -> receipt.isPresent() ? "purged" : "purging";
			default -> (j.startedAt() != null) ? "purging" : "deleted";
		}).orElse("deleted");
		Instant requestedAt = tracked.map(DownstreamLedger.Tracked::requestedAt)
			.orElseGet(() -> job.get().requestedAt());
		List<Downstream> downstream = tracked.isPresent() ? this.ledger.downstream("samples", id) : List.of();
		return new SamplesDeletionStatus(id, state, requestedAt, job.map(PurgeJobView::requestedBy).orElse(null),
				job.map((j) -> JobStatus.of(j, caller)).orElse(null), job.map(Progress::of).orElse(Progress.NONE),
				receipt.map(SignedReceipt::of).orElse(null), downstream,
				this.ledger.completionReceipt("samples", id).orElse(null));
	}

	/** The deletion status of a batch of samples. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SamplesDeletionStatus(UUID deletionEventId, @Schema(allowableValues = {
			"deleted", "purging", "purged", "failed" }) String state, @Schema(format = "date-time") Instant requestedAt,
			@Schema(types = { "string", "null" },
					description = "Who asked, once the worker has the job.") String requestedBy,
			@Schema(types = { "object", "null" },
					description = "The purge job, once the worker has one.") JobStatus job,
			Progress progress,
			@Schema(types = { "object", "null" },
					description = "The signed receipt, once purged.") SignedReceipt receipt,
			@Schema(description = "The downstream consumers' part in the deletion.") List<Downstream> downstream,
			@Schema(types = { "object", "null" },
					description = DeletionStatusController.COMPLETION) CompletionReceipt completionReceipt){
	}

}
