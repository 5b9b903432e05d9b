package io.lethe.command.compat.twelvelabs.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lethe.command.auth.Caller;
import io.lethe.command.deletion.AssetDeletionService;
import io.lethe.command.api.QueryFlags;
import io.lethe.command.entity.Entity;
import io.lethe.command.entity.EntityService;
import io.lethe.command.item.Item;
import io.lethe.command.item.ItemService;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
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
	@ApiResponse(responseCode = "400", description = "`{code, message}`: an invalid `asset_id` or `force`.")
	@ApiResponse(responseCode = "401", description = "`{code, message}`: no valid `x-api-key`.")
	@ApiResponse(responseCode = "404", description = "`{code: resource_not_exist, message}`: no such asset.")
	@ApiResponse(responseCode = "409", description = """
			`{code, message}`: indexed assets reference it (`asset_referenced`, with `references`), or a \
			legal hold protects it (`legal_hold`).""")
	@ApiResponse(responseCode = "429", description = "`{code: too_many_requests, message}`: over the key's rate.")
	@DeleteMapping("/v1.3/assets/{asset_id}")
	Map<String, Object> delete(Caller caller, @PathVariable("asset_id") String assetId,
			@RequestParam(name = "force", required = false) String force) {
		this.deletions.delete(caller, TwelveLabsErrors.assetId(assetId), QueryFlags.parse("force", force), false);
		return Map.of();
	}

	@Operation(operationId = "twelveLabsListIndexedAssets", summary = "List the indexed assets of an asset",
			description = """
					The indexed assets that reference the asset and would block deleting it without `force`.""")
	@ApiResponse(responseCode = "200", description = "`{data, page_info}`, one page.")
	@ApiResponse(responseCode = "400", description = "`{code, message}`: an invalid `asset_id`.")
	@ApiResponse(responseCode = "401", description = "`{code, message}`: no valid `x-api-key`.")
	@ApiResponse(responseCode = "404", description = "`{code: resource_not_exist, message}`: no such asset.")
	@ApiResponse(responseCode = "429", description = "`{code: too_many_requests, message}`: over the key's rate.")
	@GetMapping("/v1.3/assets/{asset_id}/indexed-assets")
	Map<String, Object> indexedAssets(Caller caller, @PathVariable("asset_id") String assetId) {
		List<Item> references = this.items.referencing(caller, TwelveLabsErrors.assetId(assetId));
		return page(references.stream().map((item) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("_id", item.id().toString());
			entry.put("index_id", item.datasetId().toString());
			entry.put("asset_id", item.assetId().toString());
			entry.put("created_at", item.createdAt().toString());
			return entry;
		}).toList());
	}

	@Operation(operationId = "twelveLabsListAssetEntities", summary = "List the entities of an asset", description = """
			The entities whose associations with the asset a forced delete would unlink.""")
	@ApiResponse(responseCode = "200", description = "`{data, page_info}`, one page.")
	@ApiResponse(responseCode = "400", description = "`{code, message}`: an invalid `asset_id`.")
	@ApiResponse(responseCode = "401", description = "`{code, message}`: no valid `x-api-key`.")
	@ApiResponse(responseCode = "404", description = "`{code: resource_not_exist, message}`: no such asset.")
	@ApiResponse(responseCode = "429", description = "`{code: too_many_requests, message}`: over the key's rate.")
	@GetMapping("/v1.3/assets/{asset_id}/entities")
	Map<String, Object> entities(Caller caller, @PathVariable("asset_id") String assetId) {
		List<Entity> linked = this.entities.ofAsset(caller, TwelveLabsErrors.assetId(assetId));
		return page(linked.stream().map((entity) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("_id", entity.id().toString());
			entry.put("name", entity.name());
			entry.put("description", entity.description());
			entry.put("created_at", iso(entity.createdAt()));
			return entry;
		}).toList());
	}

	private static Map<String, Object> page(List<Map<String, Object>> data) {
		Map<String, Object> pageInfo = new LinkedHashMap<>();
		pageInfo.put("page", 1);
		pageInfo.put("limit_per_page", data.size());
		pageInfo.put("total_page", 1);
		pageInfo.put("total_results", data.size());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("data", data);
		body.put("page_info", pageInfo);
		return body;
	}

	private static String iso(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
