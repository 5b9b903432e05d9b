package io.lethe.command.entity.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lethe.problems.FieldError;
import io.lethe.problems.TypedBodies;
import io.lethe.problems.TypedBody;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.auth.Caller;
import io.lethe.command.entity.Entity;
import io.lethe.command.entity.EntityService;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Entities, and their associations with assets. */
@Tag(name = Tags.ENTITIES)
@RestController
class EntityController {

	private final EntityService entities;

	EntityController(EntityService entities) {
		this.entities = entities;
	}

	@Operation(operationId = "createEntity", summary = "Create an entity")
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/entities")
	ResponseEntity<EntityResponse> create(Caller caller, @TypedBody EntityCreate body) {
		Entity entity = this.entities.create(caller, body.name(), body.description());
		return ResponseEntity.created(URI.create("/api/v1/entities/" + entity.id()))
			.body(EntityResponse.of(entity, List.of()));
	}

	@Operation(operationId = "listEntities", summary = "List entities",
			description = "The org's entities, newest first.")
	@GetMapping("/api/v1/entities")
	PageResponse<EntityResponse> list(Caller caller, @RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		return this.entities.list(caller, Paging.parse(limit, offset), (e) -> EntityResponse.of(e, null));
	}

	@Operation(operationId = "getEntity", summary = "Get an entity",
			description = "The entity with the ids of its assets.")
	@GetMapping("/api/v1/entities/{entity_id}")
	EntityResponse get(Caller caller, @PathVariable("entity_id") UUID id) {
		return EntityResponse.of(this.entities.get(caller, id), this.entities.assetsOf(caller, id));
	}

	@Operation(operationId = "linkEntityAssets", summary = "Link assets to an entity", description = """
			Links the org's assets named in `asset_ids` to the entity; linking a linked asset again \
			changes nothing.""")
	@PostMapping("/api/v1/entities/{entity_id}/assets")
	EntityResponse link(Caller caller, @PathVariable("entity_id") UUID id,
			@TypedBody TypedBodies.Body<EntityAssetLinks> body) {
		List<String> ids = body.value().assetIds();
		List<UUID> assets = new ArrayList<>();
		for (int i = 0; ids != null && i < ids.size(); i++) {
			try {
				// a null, empty or over-long id has its problem already
				if (ids.get(i) != null && !ids.get(i).isEmpty() && ids.get(i).length() <= 36) {
					assets.add(UUID.fromString(ids.get(i)));
				}
			}
			catch (IllegalArgumentException ex) {
				body.error(new FieldError(List.of("body", "asset_ids", i), "Input should be a valid UUID",
						"uuid_parsing"));
			}
		}
		body.valid();
		List<UUID> linked = this.entities.link(caller, id, assets.stream().distinct().toList());
		return EntityResponse.of(this.entities.get(caller, id), linked);
	}

	@Operation(operationId = "unlinkEntityAsset", summary = "Unlink an asset from an entity")
	@DeleteMapping("/api/v1/entities/{entity_id}/assets/{asset_id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlink(Caller caller, @PathVariable("entity_id") UUID id, @PathVariable("asset_id") UUID assetId) {
		this.entities.unlink(caller, id, assetId);
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "listAssetEntities", summary = "List the entities of an asset", description = """
			The entities linked to the asset: those a forced delete would unlink.""")
	@GetMapping("/api/v1/assets/{asset_id}/entities")
	AssetEntitiesResponse ofAsset(Caller caller, @PathVariable("asset_id") UUID assetId) {
		List<EntityResponse> data = this.entities.ofAsset(caller, assetId)
			.stream()
			.map((e) -> EntityResponse.of(e, null))
			.toList();
		return new AssetEntitiesResponse(data, data.size());
	}

	/** An entity; {@code asset_ids} is listed when one entity is read. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record EntityResponse(UUID id, String name, @Schema(types = {
			"string", "null" }) String description,
			@Schema(types = { "array", "null" },
					description = "Listed when one entity is read; null in lists.") List<UUID> assetIds,
			Instant createdAt, String createdBy){

		static EntityResponse of(Entity e, List<UUID> assetIds) {
			return new EntityResponse(e.id(), e.name(), e.description(), assetIds, e.createdAt(), e.createdBy());
		}

	}

	/** The entities associated with an asset: those a force delete would unlink. */
	record AssetEntitiesResponse(List<EntityResponse> data, long total) {
	}

}
