package io.lethe.command.compat.subworkflow.web;

import java.time.Instant;
import java.util.UUID;

import io.lethe.command.auth.Caller;
import io.lethe.command.dataset.Dataset;
import io.lethe.command.dataset.DatasetService;
import io.lethe.command.item.DatasetContents;
import io.lethe.command.item.ItemService;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subworkflow's {@code DELETE /v1/datasets/:id}: the same soft delete, with an immediate
 * expiry, answered in Subworkflow's {@code {success, total, data}} envelope with
 * epoch-millisecond times.
 */
@Tag(name = Tags.SUBWORKFLOW)
@RestController
class SubworkflowController {

	private final DatasetService datasets;

	private final ItemService items;

	SubworkflowController(DatasetService datasets, ItemService items) {
		this.datasets = datasets;
		this.items = items;
	}

	@Operation(operationId = "subworkflowDeleteDataset", summary = "Delete a dataset (expire it now)", description = """
			Marks the dataset for deletion by setting its expiry to now; the purge hard-deletes every \
			record, key, binary and vector of it, unrecoverably. Answers `{success, total, data}` with \
			epoch-millisecond times; `data.share` is null (the delete revoked every link).""")
	@ApiResponse(responseCode = "200", description = "The dataset, expired.")
	@ApiResponse(responseCode = "400", description = "`{success: false, error}`: the id is not a dataset id.",
			content = @Content(schema = @Schema(implementation = SubworkflowResponse.Error.class)))
	@ApiResponse(responseCode = "401", description = "`{success: false, error}`: no valid `x-api-key`.",
			content = @Content(schema = @Schema(implementation = SubworkflowResponse.Error.class)))
	@ApiResponse(responseCode = "404", description = "`{success: false, error}`: no such dataset in the key's org.",
			content = @Content(schema = @Schema(implementation = SubworkflowResponse.Error.class)))
	@ApiResponse(responseCode = "409", description = "`{success: false, error}`: the dataset's purge has begun.",
			content = @Content(schema = @Schema(implementation = SubworkflowResponse.Error.class)))
	@ApiResponse(responseCode = "429", description = "`{success: false, error}`: over the key's request rate.",
			content = @Content(schema = @Schema(implementation = SubworkflowResponse.Error.class)))
	@DeleteMapping("/v1/datasets/{id}")
	SubworkflowResponse delete(Caller caller, @PathVariable("id") String id) {
		UUID datasetId = SubworkflowErrors.datasetId(id);
		Dataset dataset = this.datasets.expire(caller, datasetId);
		DatasetContents contents = this.items.contents(datasetId);
		// share is null: the delete revoked every link, and no token is stored to show
		return SubworkflowResponse.of(new SubworkflowResponse.Data(dataset.id().toString(), dataset.orgId().toString(),
				type(dataset), dataset.name(), extension(contents.contentType()), contents.bytes(), contents.items(),
				contents.contentType(), millis(dataset.createdDt()), millis(dataset.updatedDt()),
				millis(dataset.expiresAt()), null));
	}

	/**
	 * Subworkflow's type of a dataset: doc, audio, video or image, from what the dataset
	 * holds.
	 */
	private static String type(Dataset dataset) {
		String first = dataset.allowedAssetTypes().isEmpty() ? "document" : dataset.allowedAssetTypes().get(0);
		return "document".equals(first) ? "doc" : first;
	}

	private static String extension(String contentType) {
		if (contentType == null || !contentType.contains("/")) {
			return "";
		}
		String subtype = contentType.substring(contentType.indexOf('/') + 1);
		int plus = subtype.indexOf('+');
		return (plus > 0) ? subtype.substring(0, plus) : subtype;
	}

	private static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

}
