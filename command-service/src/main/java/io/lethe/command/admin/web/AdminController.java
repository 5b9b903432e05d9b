package io.lethe.command.admin.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.lethe.command.admin.DltReplayer;
import io.lethe.command.admin.AdminService;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.TypedBody;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.audit.AuditLog;
import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.DownstreamLedger;
import io.lethe.command.deletion.PurgeJobView;
import io.lethe.command.deletion.PurgeRecords;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API: purges on demand, retries, dead letters, legal holds and the audit
 * trail.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

	private static final Set<String> JOB_STATES = Set.of("scheduled", "running", "completed", "failed", "cancelled");

	private final AdminService admin;

	private final PurgeRecords purges;

	private final AuditLog audit;

	private final DownstreamLedger ledger;

	AdminController(AdminService admin, PurgeRecords purges, AuditLog audit, DownstreamLedger ledger) {
		this.admin = admin;
		this.purges = purges;
		this.audit = audit;
		this.ledger = ledger;
	}

	@Tag(name = Tags.PURGES)
	@Operation(operationId = "runDuePurges", summary = "Run due purges now", description = """
			Asks the purge worker to sweep now for what is due, instead of at its next scheduled run; \
			answers the id of the event that carries the request.""")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping("/purges/run-due")
	ResponseEntity<EventAccepted> runDue(Caller caller) {
		return accepted(this.admin.runDue(caller));
	}

	@Tag(name = Tags.PURGES)
	@Operation(operationId = "purgeDatasetNow", summary = "Purge a deleted dataset now", description = """
			Ends a deleted dataset's grace period at once (its `expires_at` becomes now) and asks for \
			its purge; an optional `reason` is audited.""")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@ProblemResponse(status = 409, description = """
			The dataset is not deleted (`dataset-not-deleted`), is already purged (`already-purged`) or \
			is under a legal hold (`legal-hold`).""")
	@PostMapping("/datasets/{dataset_id}/purge")
	ResponseEntity<EventAccepted> purgeNow(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@TypedBody(required = false) Reason body) {
		return accepted(this.admin.purgeNow(caller, datasetId, (body != null) ? body.reason() : null));
	}

	@Tag(name = Tags.PURGES)
	@Operation(operationId = "listPurgeJobs", summary = "List purge jobs", description = """
			Purge jobs of every org by `state` (default `scheduled`, `running` and `failed`; repeat it or \
			separate values with commas), newest first.""")
	@GetMapping("/purges")
	PageResponse<JobResponse> purges(Caller caller, @RequestParam(name = "state", required = false) List<String> state,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		List<FieldError> errors = new ArrayList<>();
		List<String> states = new ArrayList<>();
		for (String value : (state != null) ? state : List.of("scheduled", "running", "failed")) {
			for (String part : value.split(",")) {
				if (JOB_STATES.contains(part.strip())) {
					states.add(part.strip());
				}
				else {
					errors.add(FieldError.query("state",
							"Input should be 'scheduled', 'running', 'completed', 'failed' or 'cancelled'", "enum"));
				}
			}
		}
		Paging paging = Paging.parse(limit, offset, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		List<PurgeJobView> jobs = this.purges.page(states, paging.limit(), paging.offset());
		// one read of the ledger for the whole page
		Map<DownstreamLedger.Root, DownstreamLedger.Summary> ledgers = this.ledger
			.summaries(jobs.stream().map(JobResponse::root).toList())
			.stream()
			.collect(Collectors.toMap(DownstreamLedger.Summary::root, (summary) -> summary));
		return paging.page(jobs.stream().map((job) -> JobResponse.of(job, ledgers.get(JobResponse.root(job)))).toList(),
				this.purges.count(states));
	}

	@Tag(name = Tags.PURGES)
	@Operation(operationId = "retryPurgeJob", summary = "Retry a failed purge job", description = """
			Runs a `failed` job again; it resumes from its last checkpoint.""")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@ProblemResponse(status = 409, description = "The job has not failed (`job-not-failed`).")
	@PostMapping("/purges/{job_id}/retry")
	ResponseEntity<EventAccepted> retry(Caller caller, @PathVariable("job_id") UUID jobId) {
		return accepted(this.admin.retry(caller, jobId));
	}

	@Tag(name = Tags.PURGES)
	@Operation(operationId = "replayDeadLetters", summary = "Replay dead-lettered deletion events", description = """
			Re-publishes the records of `lethe.deletions.DLT` to `lethe.deletions`. A dry run (the \
			default) only lists what would be re-delivered; `dry_run=false` does it.""")
	@PostMapping("/dlt/replay")
	DltReplay replay(Caller caller, @RequestParam(name = "dry_run", required = false) String dryRun,
			@RequestParam(name = "limit", required = false) String limit) {
		List<FieldError> errors = new ArrayList<>();
		boolean dry = dryRun(dryRun, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		int max = Paging.parse(limit, null).limit();
		return new DltReplay(dry, this.admin.replayDeadLetters(caller, dry, max));
	}

	@Tag(name = Tags.LEGAL_HOLDS)
	@Operation(operationId = "placeLegalHold", summary = "Place a legal hold on a dataset", description = """
			A held dataset is never purged, nor is anything it holds or references; it can still be \
			deleted. `reason` is required and audited.""")
	@ProblemResponse(status = 409, description = "The dataset's purge has begun (`purge-started`).")
	@PutMapping("/datasets/{dataset_id}/legal-hold")
	Map<String, Object> placeHold(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@TypedBody LegalHoldPlacement body) {
		this.admin.placeHold(caller, datasetId, body.reason());
		return Map.of("dataset_id", datasetId, "legal_hold", true, "reason", body.reason());
	}

	@Tag(name = Tags.LEGAL_HOLDS)
	@Operation(operationId = "releaseLegalHold", summary = "Release a dataset's legal hold", description = """
			Releases the hold; when the dataset is deleted and its grace period is over, its purge is \
			asked for at once (`purge_requested`).""")
	@DeleteMapping("/datasets/{dataset_id}/legal-hold")
	Map<String, Object> releaseHold(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@TypedBody(required = false) Reason body) {
		var released = this.admin.releaseHold(caller, datasetId, (body != null) ? body.reason() : null);
		return Map.of("dataset_id", datasetId, "legal_hold", false, "purge_requested", released.due());
	}

	@Tag(name = Tags.AUDIT)
	@Operation(operationId = "listAuditRecords", summary = "Read the audit log", description = """
			Every action, done or refused, and every purge that ended, newest first; `target_id` \
			narrows it to one dataset, asset or job.""")
	@GetMapping("/audit")
	PageResponse<AuditResponse> audit(Caller caller, @RequestParam(name = "target_id", required = false) UUID target,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		Paging paging = Paging.parse(limit, offset);
		return paging.page(
				this.audit.page(target, paging.limit(), paging.offset()).stream().map(AuditResponse::of).toList(),
				this.audit.count(target));
	}

	/**
	 * {@code ?dry_run=}: an operator command that can delete is a dry run unless asked
	 * for with {@code false}.
	 */
	static boolean dryRun(String value, List<FieldError> errors) {
		if (value == null || "true".equalsIgnoreCase(value.strip())) {
			return true;
		}
		if ("false".equalsIgnoreCase(value.strip())) {
			return false;
		}
		errors.add(FieldError.query("dry_run", "Input should be true or false", "bool"));
		return true;
	}

	private static ResponseEntity<EventAccepted> accepted(UUID eventId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new EventAccepted(eventId));
	}

	/** A request handed to the purge worker, by the id of its event. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record EventAccepted(UUID eventId) {
	}

	/** What a DLT replay moved (or, in a dry run, would move). */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record DltReplay(boolean dryRun, List<DltReplayer.DeadLetter> records) {
	}

	/** One audit record. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AuditResponse(long id, Instant at, String actor, UUID actorOrg, String action, String targetType,
			UUID targetId, String outcome, @Schema(types = {
					"object", "null" },
					description = "What the action concerned, as recorded.") @JsonRawValue String detail){

		static AuditResponse of(AuditLog.Entry e) {
			return new AuditResponse(e.id(), e.at(), e.actor(), e.actorOrg(), e.action(), e.targetType(), e.targetId(),
					e.outcome(), e.detail());
		}

	}

}
