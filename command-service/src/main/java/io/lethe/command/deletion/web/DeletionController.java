package io.lethe.command.deletion.web;

import io.lethe.command.deletion.SampleDeletionService;
import io.lethe.command.deletion.AssetDeletionService;
import java.util.List;
import java.util.UUID;

import io.lethe.command.api.QueryFlags;
import io.lethe.command.deletion.SamplesRequest;
import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.AssetDeletionService.AssetDeletion;
import io.lethe.command.deletion.SampleDeletionService.SampleResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The native delete routes for assets and batches of samples. */
@RestController
public class DeletionController {

	private final AssetDeletionService assets;

	private final SampleDeletionService samples;

	private final int maxSamples;

	DeletionController(AssetDeletionService assets, SampleDeletionService samples,
			@Value("${lethe.samples.max-batch}") int maxSamples) {
		this.assets = assets;
		this.samples = samples;
		this.maxSamples = maxSamples;
	}

	@DeleteMapping("/api/v1/assets/{asset_id}")
	AssetDeletionResponse deleteAsset(Caller caller, @PathVariable("asset_id") UUID id,
			@RequestParam(name = "force", required = false) String force,
			@RequestParam(name = "cascade", required = false) String cascade) {
		AssetDeletion deletion = this.assets.delete(caller, id, QueryFlags.parse("force", force),
				QueryFlags.parse("cascade", cascade));
		return AssetDeletionResponse.of(deletion);
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

	/** What deleting an asset did. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AssetDeletionResponse(UUID assetId, String status, List<Reference> references, int entitiesUnlinked,
			boolean cascade) {

		static AssetDeletionResponse of(AssetDeletion deletion) {
			return new AssetDeletionResponse(deletion.assetId(), "deleted",
					deletion.referencingItems()
						.stream()
						.map((item) -> new Reference(item.datasetId(), item.id()))
						.toList(),
					deletion.entitiesUnlinked(), deletion.cascade());
		}

	}

	/** An item that referenced the asset. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record Reference(UUID datasetId, UUID itemId) {
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
