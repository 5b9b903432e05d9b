package io.lethe.command.admin.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lethe.command.admin.ReconcileService;
import io.lethe.command.admin.ReconcileRuns;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.NotFoundException;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.auth.Caller;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orphan reconciliation for operators: ask for a run (a dry run unless
 * {@code dry_run=false}), then read its report once the purge worker has run it.
 */
@Tag(name = Tags.RECONCILIATION)
@RestController
@RequestMapping("/api/v1/admin/reconcile")
class ReconcileController {

	/** The longest safety age a request may ask for. */
	static final Duration MAX_SAFETY_AGE = Duration.ofDays(30);

	private final ReconcileService reconcile;

	private final ReconcileRuns runs;

	ReconcileController(ReconcileService reconcile, ReconcileRuns runs) {
		this.reconcile = reconcile;
		this.runs = runs;
	}

	@Operation(operationId = "requestReconcileRun", summary = "Ask for an orphan reconciliation", description = """
			Asks the purge worker to look for what no catalog row owns (objects, vectors) and, unless \
			it is a dry run (the default), remove it. `org_id` narrows it to one org; `safety_age` \
			(ISO-8601, at most `P30D`) spares what is younger. Answers where the report will be.""")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PostMapping
	ResponseEntity<ReconcileRunAccepted> request(Caller caller,
			@RequestParam(name = "dry_run", required = false) String dryRun,
			@RequestParam(name = "org_id", required = false) UUID org,
			@RequestParam(name = "safety_age", required = false) String safetyAge) {
		List<FieldError> errors = new ArrayList<>();
		boolean dry = AdminController.dryRun(dryRun, errors);
		Duration age = safetyAge(safetyAge, errors);
		if (org != null && !this.runs.orgExists(org)) {
			errors.add(FieldError.query("org_id", "No org has this id", "unknown_org"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		ReconcileService.Requested requested = this.reconcile.request(caller, dry, org, age);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/admin/reconcile/" + requested.runId()))
			.body(new ReconcileRunAccepted(requested.runId(), requested.eventId(), "requested", dry, org,
					(age != null) ? age.toString() : null));
	}

	@Operation(operationId = "getReconcileRun", summary = "Get a reconciliation run", description = """
			The run's state and, once it has run, the worker's report.""")
	@GetMapping("/{run_id}")
	RunResponse run(@PathVariable("run_id") UUID runId) {
		return this.runs.find(runId)
			.map(RunResponse::of)
			.orElseThrow(() -> new NotFoundException("Reconcile run " + runId));
	}

	@Operation(operationId = "listReconcileRuns", summary = "List reconciliation runs", description = "Newest first.")
	@GetMapping
	PageResponse<RunResponse> runs(@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		Paging paging = Paging.parse(limit, offset);
		return paging.page(this.runs.page(paging.limit(), paging.offset()).stream().map(RunResponse::of).toList(),
				this.runs.count());
	}

	private static Duration safetyAge(String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			Duration age = Duration.parse(value.strip());
			if (!age.isNegative() && age.compareTo(MAX_SAFETY_AGE) <= 0) {
				return age;
			}
		}
		catch (DateTimeParseException ex) {
			// answered below, as any other invalid value
		}
		errors
			.add(FieldError.query("safety_age", "Input should be an ISO-8601 duration from PT0S to P30D", "duration"));
		return null;
	}

	/** A run asked for: where its report will be. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ReconcileRunAccepted(UUID runId, UUID eventId, String state, boolean dryRun, @Schema(types = {
			"string", "null" }, format = "uuid") UUID orgId, @Schema(types = { "string", "null" }) String safetyAge){
	}

	/**
	 * A run as operators see it; {@code report} is the worker's report as it stored it.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record RunResponse(UUID runId, String state, boolean dryRun, String requestedVia, @Schema(types = {
			"string", "null" }, format = "uuid") UUID orgId, @Schema(types = { "string", "null" }) String safetyAge,
			String requestedBy, Instant requestedAt,
			@Schema(types = { "string", "null" }, format = "date-time") Instant startedAt,
			@Schema(types = { "string", "null" }, format = "date-time") Instant completedAt,
			@Schema(types = { "string", "null" }) String error, @Schema(types = { "object", "null" },
					description = "The worker's report, once the run has ended.") @JsonRawValue String report){

		static RunResponse of(ReconcileRuns.Run r) {
			return new RunResponse(r.id(), r.state(), r.dryRun(), r.requestedVia(), r.orgId(), r.safetyAge(),
					r.requestedBy(), r.requestedAt(), r.startedAt(), r.completedAt(), r.error(), r.report());
		}

	}

}
