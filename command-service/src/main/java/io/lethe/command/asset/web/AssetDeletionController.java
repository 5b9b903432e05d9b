package io.lethe.command.asset.web;

import java.util.List;
import java.util.UUID;

import io.lethe.command.api.QueryFlags;
import io.lethe.command.asset.AssetDeletions;
import io.lethe.command.asset.AssetDeletions.DeletedAsset;
import io.lethe.command.auth.Caller;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The native delete route of an asset. */
@Tag(name = Tags.ASSETS)
@RestController
class AssetDeletionController {

	private final AssetDeletions deletions;

	AssetDeletionController(AssetDeletions deletions) {
		this.deletions = deletions;
	}

	@Operation(operationId = "deleteAsset", summary = "Delete an asset", description = """
			Deletes the asset at once, for good (no grace period, no restore); its purge follows. \
			Without `force` it is refused while items of a live or restorable dataset use it; with \
			`force=true` those items are flagged `source_deleted` and keep their own previews and \
			vectors, or, with `cascade=true` too, the items of live datasets are deleted with it. \
			Its entity links are removed. The answer lists each referencing item with its status after \
			the delete.""")
	@ProblemResponse(status = 409, description = """
			Items use the asset and `force` was not sent (`asset-referenced`, with `references`); a \
			held dataset owns or uses it (`legal-hold`, whatever the flags); its owner dataset is being \
			deleted (`owner-dataset-not-active`).""")
	@DeleteMapping("/api/v1/assets/{asset_id}")
	AssetDeletionResponse deleteAsset(Caller caller, @PathVariable("asset_id") UUID id,
			@RequestParam(name = "force", required = false) String force,
			@RequestParam(name = "cascade", required = false) String cascade) {
		DeletedAsset deletion = this.deletions.deleteAsset(caller, id, QueryFlags.parse("force", force),
				QueryFlags.parse("cascade", cascade));
		return AssetDeletionResponse.of(deletion);
	}

	/** What deleting an asset did. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AssetDeletionResponse(UUID assetId, String status, List<AssetDeletionReference> references,
			int entitiesUnlinked, boolean cascade) {

		static AssetDeletionResponse of(DeletedAsset deletion) {
			return new AssetDeletionResponse(deletion.assetId(), "deleted",
					deletion.references()
						.stream()
						.map((ref) -> new AssetDeletionReference(ref.datasetId(), ref.itemId(), ref.itemStatus()))
						.toList(),
					deletion.entitiesUnlinked(), deletion.cascade());
		}

	}

	/**
	 * An item that referenced the asset. Named apart from the indexed assets' reference,
	 * which has other fields: one schema name per shape in the document.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AssetDeletionReference(UUID datasetId, UUID itemId, @Schema(allowableValues = {
			"deleted", "active" },
			description = """
					`deleted` when the cascade took the item along (its dataset was live); `active` when \
					the item was kept, flagged `source_deleted`, with its own preview and vectors.""") String itemStatus){
	}

}
