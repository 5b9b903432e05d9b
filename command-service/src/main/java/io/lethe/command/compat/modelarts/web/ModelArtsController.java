package io.lethe.command.compat.modelarts.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.problems.ForbiddenException;
import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.SampleDeletionService;
import io.lethe.command.deletion.SampleDeletionService.SampleResult;
import io.lethe.problems.TypedBodies;
import io.lethe.problems.TypedBody;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ModelArts' batch sample delete. {@code project_id} is the caller's org id; another
 * project is 403. Results come one per requested id, in request order (a duplicate
 * repeats its result), so a client can pair them by position.
 */
@Tag(name = Tags.MODELARTS)
@RestController
class ModelArtsController {

	private final SampleDeletionService samples;

	private final DatasetService datasets;

	private final int maxSamples;

	ModelArtsController(SampleDeletionService samples, DatasetService datasets,
			@Value("${lethe.samples.max-batch}") int maxSamples) {
		this.samples = samples;
		this.datasets = datasets;
		this.maxSamples = maxSamples;
	}

	@Operation(operationId = "modelArtsDeleteSamples", summary = "Delete samples in batches", description = """
			Deletes the dataset's samples named in `samples` (optional; none deletes nothing), and \
			their source files with `delete_source=true`. Answers `success` and one result per \
			sample, in request order; when `success` is false, `error_code` and `error_msg` say why.""")
	@ApiResponse(responseCode = "200",
			description = "`{success, results}`, with `error_code` and `error_msg` when not all succeeded.")
	@ApiResponse(responseCode = "400", description = "`{error_code, error_msg}`: an invalid body.",
			content = @Content(schema = @Schema(implementation = ModelArtsResponses.Error.class)))
	@ApiResponse(responseCode = "401", description = "`{error_code, error_msg}`: no valid key.",
			content = @Content(schema = @Schema(implementation = ModelArtsResponses.Error.class)))
	@ApiResponse(responseCode = "403", description = "`{error_code, error_msg}`: `project_id` is not the key's org.",
			content = @Content(schema = @Schema(implementation = ModelArtsResponses.Error.class)))
	@ApiResponse(responseCode = "404", description = "`{error_code, error_msg}`: no such dataset.",
			content = @Content(schema = @Schema(implementation = ModelArtsResponses.Error.class)))
	@ApiResponse(responseCode = "409",
			description = "`{error_code, error_msg}`: the dataset is under a legal hold or not active.",
			content = @Content(schema = @Schema(implementation = ModelArtsResponses.Error.class)))
	@ApiResponse(responseCode = "429", description = "`{error_code, error_msg}`: over the key's request rate.",
			content = @Content(schema = @Schema(implementation = ModelArtsResponses.Error.class)))
	// the service's body guard answers some bodies before the route is chosen (forms,
	// wildcards, over the limit), in its own RFC 9457 shape; the route answers the rest
	@ApiResponse(responseCode = "413", description = """
			A body over the size limit: `{error_code, error_msg}`, or an RFC 9457 problem when the \
			service's body guard refuses it before the route.""",
			content = {
					@Content(mediaType = "application/json",
							schema = @Schema(implementation = ModelArtsResponses.Error.class)),
					@Content(mediaType = "application/problem+json", schema = @Schema(types = "object")) })
	@ApiResponse(responseCode = "415", description = """
			A body that is not JSON: `{error_code, error_msg}`, or an RFC 9457 problem when the \
			service's body guard refuses it (a form, a wildcard type) before the route.""",
			content = {
					@Content(mediaType = "application/json",
							schema = @Schema(implementation = ModelArtsResponses.Error.class)),
					@Content(mediaType = "application/problem+json", schema = @Schema(types = "object")) })
	@PostMapping("/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples/delete")
	ModelArtsResponses.Batch delete(Caller caller, @PathVariable("project_id") String projectId,
			@PathVariable("dataset_id") String datasetId, @TypedBody TypedBodies.Body<ModelArtsSamplesDelete> body) {
		if (!caller.orgId().toString().equalsIgnoreCase(projectId)) {
			throw new ForbiddenException("The API key does not belong to project " + projectId);
		}
		UUID dataset = ModelArtsErrors.datasetId(datasetId);
		if (body.value().samples() != null && body.value().samples().size() > this.maxSamples) {
			body.error("samples", "List should have at most " + this.maxSamples + " items", "too_long");
		}
		ModelArtsSamplesDelete request = body.valid();
		List<String> ids = (request.samples() != null) ? request.samples() : List.of();
		boolean deleteSource = Boolean.TRUE.equals(request.deleteSource());
		if (ids.isEmpty()) {
			// nothing to delete, in a dataset the key may see (else 404)
			this.datasets.get(caller, dataset);
			return ModelArtsResponses.Batch.of(List.of());
		}
		Map<String, SampleResult> byId = new LinkedHashMap<>();
		this.samples.delete(caller, dataset, ids, deleteSource, Boolean.TRUE.equals(request.force()))
			.forEach((result) -> byId.put(result.sampleId(), result));
		return ModelArtsResponses.Batch.of(ids.stream().map((id) -> {
			SampleResult result = byId.get(id);
			return result.success() ? new ModelArtsResponses.Result(true, null, null)
					: new ModelArtsResponses.Result(false, "ModelArts." + result.errorCode(), result.errorMsg());
		}).toList());
	}

}
