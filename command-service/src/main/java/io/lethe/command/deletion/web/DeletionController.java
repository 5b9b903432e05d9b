package io.lethe.command.deletion.web;

import java.util.List;
import java.util.UUID;

import io.lethe.command.deletion.SampleDeletionService;
import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.SampleDeletionService.SampleResult;
import io.lethe.problems.TypedBodies;
import io.lethe.problems.TypedBody;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The native delete route of a batch of samples (an asset's is next to the asset, in
 * asset/web).
 */
@Tag(name = Tags.DELETIONS)
@RestController
public class DeletionController {

	private final SampleDeletionService samples;

	private final int maxSamples;

	DeletionController(SampleDeletionService samples, @Value("${lethe.samples.max-batch}") int maxSamples) {
		this.samples = samples;
		this.maxSamples = maxSamples;
	}

	@Operation(operationId = "deleteSamples", summary = "Delete samples in a batch", description = """
			Deletes the dataset's items named in `samples` (at most 1,000) and, with `delete_source`, \
			their source assets unless another live item uses them (or `force=true`). Answers per \
			sample, in request order (`SAMPLE_NOT_FOUND`, `SOURCE_IN_USE`, `LEGAL_HOLD`).""")
	@ProblemResponse(status = 409, description = """
			The dataset is under a legal hold (`legal-hold`) or not `active` (`dataset-not-active`).""")
	@PostMapping("/api/v1/datasets/{dataset_id}/samples/delete")
	SamplesDeletionResponse deleteSamples(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@TypedBody TypedBodies.Body<SamplesDelete> body) {
		List<String> ids = body.value().samples();
		if (!body.failed("samples") && (ids == null || ids.isEmpty())) {
			body.error("samples", SamplesDelete.REQUIRED, "missing");
		}
		else if (ids != null && ids.size() > this.maxSamples) {
			body.error("samples", "List should have at most " + this.maxSamples + " items", "too_long");
		}
		SamplesDelete request = body.valid();
		SampleDeletionService.Batch batch = this.samples.deleteBatch(caller, datasetId, request.samples(),
				Boolean.TRUE.equals(request.deleteSource()), Boolean.TRUE.equals(request.force()));
		List<SampleResult> results = batch.results();
		return new SamplesDeletionResponse(results.stream().allMatch(SampleResult::success),
				results.stream().map(SampleResultResponse::of).toList(), batch.deletionEventId());
	}

	/**
	 * The batch result: {@code success} only if every sample succeeded; results in
	 * request order.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SamplesDeletionResponse(boolean success, List<SampleResultResponse> results, @Schema(types = {
			"string", "null" }, format = "uuid", description = """
					The batch's deletion (`deletion_event_id` of its events; its status at \
					`GET /api/v1/samples/deletions/{deletion_event_id}`); null when no sample was \
					deleted.""") UUID deletionEventId){
	}

	/** One sample's outcome. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SampleResultResponse(String sampleId, boolean success, @Schema(types = {
			"string", "null" }) String errorCode, @Schema(types = { "string", "null" }) String errorMsg){

		static SampleResultResponse of(SampleResult r) {
			return new SampleResultResponse(r.sampleId(), r.success(), r.errorCode(), r.errorMsg());
		}

	}

}
