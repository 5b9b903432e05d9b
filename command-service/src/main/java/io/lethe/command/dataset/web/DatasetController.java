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
import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetPage;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.dataset.DatasetStatus;
import io.lethe.command.encoder.EncoderCatalog;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Coactive-shaped dataset API. */
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

	@PostMapping
	ResponseEntity<DatasetResponse> create(Caller caller, @RequestBody(required = false) JsonNode body) {
		Dataset dataset = this.datasets.create(caller, this.requests.create(body));
		return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.id())).body(response(dataset));
	}

	@GetMapping("/{dataset_id}")
	DatasetResponse get(Caller caller, @PathVariable("dataset_id") UUID id) {
		return response(this.datasets.get(caller, id));
	}

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

	@PatchMapping("/{dataset_id}")
	DatasetResponse update(Caller caller, @PathVariable("dataset_id") UUID id,
			@RequestBody(required = false) JsonNode body) {
		return response(this.datasets.update(caller, id, this.requests.update(body)));
	}

	@DeleteMapping("/{dataset_id}")
	DatasetResponse delete(Caller caller, @PathVariable("dataset_id") UUID id,
			@RequestParam(name = "grace", required = false) String grace) {
		return response(this.datasets.delete(caller, id, grace(grace)));
	}

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
