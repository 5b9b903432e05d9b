package io.lethe.command.dataset.web;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.problems.TypedBodies;
import io.lethe.problems.TypedBody;
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetPage;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.DatasetStatus;
import io.lethe.command.encoder.EncoderCatalog;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Coactive-shaped dataset API. */
@Tag(name = Tags.DATASETS)
@RestController
@RequestMapping("/api/v1/datasets")
class DatasetController {

	private final DatasetService datasets;

	private final EncoderCatalog encoders;

	private final DatasetRequests requests;

	private final Duration defaultGrace;

	private final Duration maxGrace;

	DatasetController(DatasetService datasets, EncoderCatalog encoders,
			@Value("${lethe.deletion.default-grace}") Duration defaultGrace,
			@Value("${lethe.deletion.max-grace}") Duration maxGrace) {
		this.datasets = datasets;
		this.encoders = encoders;
		this.requests = new DatasetRequests(encoders);
		this.defaultGrace = defaultGrace;
		this.maxGrace = maxGrace;
	}

	@Operation(operationId = "createDataset", summary = "Create a dataset", description = """
			Creates an empty dataset in the key's org and answers it whole, with its `Location`. \
			`name` is required and unique among the org's live datasets; unknown fields are ignored. \
			`dataset_id` keeps a known id during a migration and needs an operator key.""")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemResponse(status = 403, description = "A member key sent `dataset_id` (`operator-key-required`).")
	@ProblemResponse(status = 409, description = """
			A live dataset of the org has this name (`name-taken`), or the chosen `dataset_id` exists, \
			whichever org holds it (`id-taken`).""")
	@PostMapping
	ResponseEntity<DatasetResponse> create(Caller caller, @TypedBody TypedBodies.Body<DatasetCreate> body) {
		Dataset dataset = this.datasets.create(caller, this.requests.create(body));
		return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.id())).body(response(dataset));
	}

	@Operation(operationId = "getDataset", summary = "Get a dataset", description = """
			A deleted dataset is still readable by its org, with its status; another org's dataset is \
			404, as an unknown one.""")
	@GetMapping("/{dataset_id}")
	DatasetResponse get(Caller caller, @PathVariable("dataset_id") UUID id) {
		return response(this.datasets.get(caller, id));
	}

	@Operation(operationId = "listDatasets", summary = "List datasets", description = """
			The org's datasets, newest first, a page at a time; `meta.next_offset` is null on the \
			last page.""")
	@Parameter(name = "status", in = ParameterIn.QUERY, description = """
			`active` (default), `pending_deletion`, `purging` or `purged`; repeat it or separate \
			values with commas.""", array = @ArraySchema(
			schema = @Schema(type = "string", allowableValues = { "active", "pending_deletion", "purging", "purged" })))
	@Parameter(name = "limit", in = ParameterIn.QUERY, description = "How many to answer.",
			schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
	@Parameter(name = "offset", in = ParameterIn.QUERY, description = "How many to skip.",
			schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
	@GetMapping
	PageResponse<DatasetResponse> list(Caller caller,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		List<FieldError> errors = new ArrayList<>();
		Set<DatasetStatus> statuses = statuses(status, errors);
		Paging paging = Paging.parse(limit, offset, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		DatasetPage page = this.datasets.list(caller, statuses, paging.limit(), paging.offset());
		return paging.page(page.datasets().stream().map(this::response).toList(), page.total());
	}

	@Operation(operationId = "updateDataset", summary = "Change a dataset", description = """
			Only the fields sent change; `null` clears a nullable field (`description`, \
			`keyframe_uniform_fps_sampling_rate`, `dataset_config`). `encoder_name` cannot change: the \
			dataset's vectors depend on it.""")
	@ProblemResponse(status = 409, description = """
			The dataset is not `active` (`dataset-not-active`), or a live dataset has the new name \
			(`name-taken`).""")
	@PatchMapping("/{dataset_id}")
	DatasetResponse update(Caller caller, @PathVariable("dataset_id") UUID id,
			@TypedBody TypedBodies.Body<DatasetUpdate> body) {
		return response(this.datasets.update(caller, id, this.requests.update(body)));
	}

	@Operation(operationId = "deleteDataset", summary = "Delete a dataset", description = """
			Deletes the dataset at once, softly: it reads `pending_deletion`, leaves the lists, its \
			share links are revoked, and its purge may run from `expires_at`, which is now plus \
			`grace`. Until the purge begins, restoring brings it back whole. Deleting again answers \
			the same state.""")
	@Parameter(name = "grace", in = ParameterIn.QUERY, description = """
			How long before the purge may run: an ISO-8601 duration such as `PT24H` (default 24 \
			hours); `0` or `PT0S` for at once.""", schema = @Schema(type = "string", example = "PT1H"))
	@DeleteMapping("/{dataset_id}")
	DatasetResponse delete(Caller caller, @PathVariable("dataset_id") UUID id,
			@RequestParam(name = "grace", required = false) String grace) {
		return response(this.datasets.delete(caller, id, grace(grace)));
	}

	@Operation(operationId = "restoreDataset", summary = "Restore a deleted dataset", description = """
			Brings a deleted dataset back whole while its purge has not begun; revoked share links \
			stay revoked.""")
	@ProblemResponse(status = 409, description = """
			The purge has begun (`purge-started`), or a live dataset took its name (`name-taken`).""")
	@PostMapping("/{dataset_id}/restore")
	DatasetResponse restore(Caller caller, @PathVariable("dataset_id") UUID id) {
		return response(this.datasets.restore(caller, id));
	}

	private DatasetResponse response(Dataset dataset) {
		return DatasetResponse.of(dataset, this.encoders);
	}

	/**
	 * An ISO-8601 duration such as {@code PT24H}; {@code 0} or {@code PT0S} means the
	 * purge may run at once.
	 */
	private Duration grace(String value) {
		if (value == null || value.isBlank()) {
			return this.defaultGrace;
		}
		Duration grace;
		try {
			grace = "0".equals(value.strip()) ? Duration.ZERO : Duration.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(FieldError.query("grace",
					"Input should be an ISO-8601 duration such as PT24H", "duration_parsing"));
		}
		if (grace.isNegative()) {
			throw new InvalidRequestException(
					FieldError.query("grace", "The grace period cannot be negative", "greater_than_equal"));
		}
		if (grace.compareTo(this.maxGrace) > 0) {
			throw new InvalidRequestException(
					FieldError.query("grace", "The grace period can be at most " + this.maxGrace, "less_than_equal"));
		}
		return grace;
	}

	private static Set<DatasetStatus> statuses(List<String> values, List<FieldError> errors) {
		if (values == null || values.isEmpty()) {
			return EnumSet.of(DatasetStatus.ACTIVE);
		}
		Set<DatasetStatus> statuses = EnumSet.noneOf(DatasetStatus.class);
		for (String value : values) {
			for (String part : value.split(",")) {
				DatasetStatus.of(part.strip())
					.ifPresentOrElse(statuses::add, () -> errors.add(FieldError.query("status",
							"Input should be 'active', 'pending_deletion', 'purging' or 'purged'", "enum")));
			}
		}
		return statuses;
	}

}
