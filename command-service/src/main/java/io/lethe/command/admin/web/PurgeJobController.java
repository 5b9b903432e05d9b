package io.lethe.command.admin.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.command.deletion.CompletionReceipt;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.DownstreamLedger.Downstream;
import io.lethe.command.deletion.PurgeJobView;
import io.lethe.command.deletion.PurgeRecords;
import io.lethe.command.deletion.SignedReceipt;
import io.lethe.command.openapi.Tags;
import io.lethe.problems.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One purge job of any org, with its signed receipt once it has one: what an operator
 * hands over when asked for proof, since a dataset's own deletion status answers only its
 * org's keys; with the downstream consumers' part in the deletion, as that status shows
 * it.
 */
@Tag(name = Tags.PURGES)
@RestController
class PurgeJobController {

	private final PurgeRecords purges;

	private final DownstreamLedger ledger;

	PurgeJobController(PurgeRecords purges, DownstreamLedger ledger) {
		this.purges = purges;
		this.ledger = ledger;
	}

	@Operation(operationId = "getPurgeJob", summary = "Get a purge job and its receipt", description = """
			A purge job of any org by its id: its state, progress per store and, once it has completed, \
			the signed receipt (`body_text` is what the signature covers), and each downstream \
			consumer's place in the deletion.""")
	@GetMapping("/api/v1/admin/purges/{job_id}")
	JobDetail job(@PathVariable("job_id") UUID jobId) {
		PurgeJobView view = this.purges.job(jobId).orElseThrow(() -> new NotFoundException("Purge job " + jobId));
		DownstreamLedger.Root root = JobResponse.root(view);
		JobResponse job = JobResponse.of(view, this.ledger.summaries(List.of(root)).stream().findFirst().orElse(null));
		return new JobDetail(job, this.purges.receipt(jobId).map(SignedReceipt::of).orElse(null),
				this.ledger.downstream(root.type(), root.id()),
				this.ledger.completionReceipt(root.type(), root.id()).orElse(null));
	}

	/**
	 * A job, its receipt (null until the purge has completed), the downstream ledger of
	 * its root's current deletion (empty when no consumer is asked about it) and the
	 * completion receipt once that ledger closed.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record JobDetail(JobResponse job, @Schema(types = {
			"object", "null" },
			description = "The signed receipt; null until the purge has completed.") SignedReceipt receipt,
			@Schema(description = "Each downstream consumer's place in the deletion.") List<Downstream> downstream,
			@Schema(types = { "object", "null" }, description = """
					The completion receipt, signed by the command service when the purge was done and every \
					required consumer had answered; null until then.""") CompletionReceipt completionReceipt){
	}

}
