package io.lethe.command.deletion.web;

import io.lethe.command.deletion.SampleDeletionService;
import java.util.List;
import java.util.UUID;

import io.lethe.command.deletion.SamplesRequest;
import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.SampleDeletionService.SampleResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The native delete route of a batch of samples (an asset's is next to the asset, in
 * asset/web).
 */
@RestController
public class DeletionController {

	private final SampleDeletionService samples;

	private final int maxSamples;

	DeletionController(SampleDeletionService samples, @Value("${lethe.samples.max-batch}") int maxSamples) {
		this.samples = samples;
		this.maxSamples = maxSamples;
	}

	@PostMapping("/api/v1/datasets/{dataset_id}/samples/delete")
	SamplesDeletionResponse deleteSamples(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@RequestBody(required = false) JsonNode json) {
		SamplesRequest request = SamplesRequest.read(json, this.maxSamples);
		List<SampleResult> results = this.samples.delete(caller, datasetId, request.samples(), request.deleteSource(),
				request.force());
		return new SamplesDeletionResponse(results.stream().allMatch(SampleResult::success),
				results.stream().map(SampleResultResponse::of).toList());
	}

	/**
	 * The batch result: {@code success} only if every sample succeeded; results in
	 * request order.
	 */
	record SamplesDeletionResponse(boolean success, List<SampleResultResponse> results) {
	}

	/** One sample's outcome. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SampleResultResponse(String sampleId, boolean success, String errorCode, String errorMsg) {

		static SampleResultResponse of(SampleResult r) {
			return new SampleResultResponse(r.sampleId(), r.success(), r.errorCode(), r.errorMsg());
		}

	}

}
