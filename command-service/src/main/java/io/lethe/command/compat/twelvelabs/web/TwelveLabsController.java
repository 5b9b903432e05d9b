package io.lethe.command.compat.twelvelabs.web;

import java.time.Instant;
import java.util.List;

import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.AssetDeletionService;
import io.lethe.command.api.QueryFlags;
import io.lethe.command.entity.EntityService;
import io.lethe.command.item.ItemService;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TwelveLabs' asset routes: {@code DELETE /v1.3/assets/:id?force=} answers {@code {}}
 * (409 while indexed assets reference the asset), and the two routes that tell beforehand
 * what would block or be unlinked.
 */
@Tag(name = Tags.TWELVELABS)
@RestController
class TwelveLabsController {

	private final AssetDeletionService deletions;

	private final ItemService items;

	private final EntityService entities;

	TwelveLabsController(AssetDeletionService deletions, ItemService items, EntityService entities) {
		this.deletions = deletions;
		this.items = items;
		this.entities = entities;
	}

	@Operation(operationId = "twelveLabsDeleteAsset", summary = "Delete an asset", description = """
			Deletes the asset; answers `{}`. While indexed assets reference it the request fails with \
			409 unless `force=true`, which deletes it anyway and unlinks its entity associations.""")
	@ApiResponse(responseCode = "200", description = "The asset is deleted: `{}`.")
	@ApiResponse(responseCode = "400", description = "`{code, message}`: an invalid `asset_id` or `force`.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "401", description = "`{code, message}`: no valid `x-api-key`.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "404", description = "`{code: resource_not_exist, message}`: no such asset.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "409", description = """
			`{code, message}`: indexed assets reference it (`asset_referenced`, with `references`), or a \
			legal hold protects it (`legal_hold`).""",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "429", description = "`{code: too_many_requests, message}`: over the key's rate.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@DeleteMapping("/v1.3/assets/{asset_id}")
	TwelveLabsResponses.Empty delete(Caller caller, @PathVariable("asset_id") String assetId,
			@RequestParam(name = "force", required = false) String force) {
		this.deletions.delete(caller, TwelveLabsErrors.assetId(assetId), QueryFlags.parse("force", force), false);
		return new TwelveLabsResponses.Empty();
	}

	@Operation(operationId = "twelveLabsListIndexedAssets", summary = "List the indexed assets of an asset",
			description = """
					The indexed assets that reference the asset and would block deleting it without `force`.""")
	@ApiResponse(responseCode = "200", description = "`{data, page_info}`, one page.")
	@ApiResponse(responseCode = "400", description = "`{code, message}`: an invalid `asset_id`.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "401", description = "`{code, message}`: no valid `x-api-key`.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "404", description = "`{code: resource_not_exist, message}`: no such asset.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "429", description = "`{code: too_many_requests, message}`: over the key's rate.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@GetMapping("/v1.3/assets/{asset_id}/indexed-assets")
	TwelveLabsResponses.IndexedAssets indexedAssets(Caller caller, @PathVariable("asset_id") String assetId) {
		List<TwelveLabsResponses.IndexedAsset> data = this.items.referencing(caller, TwelveLabsErrors.assetId(assetId))
			.stream()
			.map((item) -> new TwelveLabsResponses.IndexedAsset(item.id().toString(), item.datasetId().toString(),
					item.assetId().toString(), item.createdAt().toString()))
			.toList();
		return new TwelveLabsResponses.IndexedAssets(data, TwelveLabsResponses.PageInfo.of(data));
	}

	@Operation(operationId = "twelveLabsListAssetEntities", summary = "List the entities of an asset", description = """
			The entities whose associations with the asset a forced delete would unlink.""")
	@ApiResponse(responseCode = "200", description = "`{data, page_info}`, one page.")
	@ApiResponse(responseCode = "400", description = "`{code, message}`: an invalid `asset_id`.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "401", description = "`{code, message}`: no valid `x-api-key`.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "404", description = "`{code: resource_not_exist, message}`: no such asset.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@ApiResponse(responseCode = "429", description = "`{code: too_many_requests, message}`: over the key's rate.",
			content = @Content(schema = @Schema(implementation = TwelveLabsResponses.Error.class)))
	@GetMapping("/v1.3/assets/{asset_id}/entities")
	TwelveLabsResponses.Entities entities(Caller caller, @PathVariable("asset_id") String assetId) {
		List<TwelveLabsResponses.Entity> data = this.entities.ofAsset(caller, TwelveLabsErrors.assetId(assetId))
			.stream()
			.map((entity) -> new TwelveLabsResponses.Entity(entity.id().toString(), entity.name(), entity.description(),
					iso(entity.createdAt())))
			.toList();
		return new TwelveLabsResponses.Entities(data, TwelveLabsResponses.PageInfo.of(data));
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
