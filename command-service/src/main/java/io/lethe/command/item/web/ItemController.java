package io.lethe.command.item.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.problems.FieldError;
import io.lethe.problems.InvalidRequestException;
import io.lethe.problems.TypedBody;
import io.lethe.command.api.PageResponse;
import io.lethe.command.api.Paging;
import io.lethe.command.asset.IncomingFile;
import io.lethe.command.asset.AssetRequests;
import io.lethe.command.auth.Caller;
import io.lethe.command.item.Item;
import io.lethe.command.item.ItemService;
import io.lethe.command.item.ItemService.SearchHit;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;
import io.lethe.command.openapi.ProblemResponse;
import io.lethe.command.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Items of a dataset, their embeddings, search, and which items reference an asset. */
@Tag(name = Tags.ITEMS)
@RestController
class ItemController {

	private final ItemService items;

	private final AssetRequests assetRequests;

	ItemController(ItemService items, JsonMapper json) {
		this.items = items;
		this.assetRequests = new AssetRequests(json);
	}

	@Operation(operationId = "addItem", summary = "Place an asset in a dataset", description = """
			Places a `ready` asset of the org in the dataset as an item (at most once per dataset); a \
			preview is derived when the dataset has `store_preview`. Its asset type must be one of the \
			dataset's `allowed_asset_types`.""")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemResponse(status = 409, description = """
			The dataset is not `active` (`dataset-not-active`), the asset is in it already \
			(`item-exists`), still uploading (`asset-not-ready`) or its owner dataset is not `active` \
			(`asset-owner-not-active`).""")
	@PostMapping(path = "/api/v1/datasets/{dataset_id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ItemResponse> add(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@TypedBody ItemAdd body) {
		return created(this.items.add(caller, datasetId, uuid(body.assetId(), "asset_id")));
	}

	@Operation(operationId = "uploadItem", summary = "Upload a file into a dataset", description = """
			Stores the multipart `file` as an asset owned by the dataset and places it there as an \
			item, in one step.""")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemResponse(status = 409, description = "The dataset is not `active` (`dataset-not-active`).")
	@PostMapping(path = "/api/v1/datasets/{dataset_id}/items", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ItemResponse> upload(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "metadata", required = false) String metadata,
			@RequestParam(name = "asset_type", required = false) String assetType) {
		IncomingFile incoming = AssetRequests.file(file);
		Map<String, Object> userMetadata = this.assetRequests.metadataField(metadata);
		return created(this.items.addUpload(caller, datasetId, incoming,
				AssetRequests.type(assetType, incoming.contentType()), userMetadata));
	}

	@Operation(operationId = "listItems", summary = "List a dataset's items", description = """
			Newest first, each with the names of its embeddings.""")
	@ProblemResponse(status = 409, description = "The dataset is not `active` (`dataset-not-active`).")
	@GetMapping("/api/v1/datasets/{dataset_id}/items")
	PageResponse<ItemResponse> list(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "offset", required = false) String offset) {
		return this.items.list(caller, datasetId, Paging.parse(limit, offset), ItemResponse::of);
	}

	@Operation(operationId = "getItem", summary = "Get an item")
	@ProblemResponse(status = 409, description = "The dataset is not `active` (`dataset-not-active`).")
	@GetMapping("/api/v1/datasets/{dataset_id}/items/{item_id}")
	ItemResponse get(Caller caller, @PathVariable("dataset_id") UUID datasetId, @PathVariable("item_id") UUID itemId) {
		Item item = this.items.get(caller, datasetId, itemId);
		return ItemResponse.of(item, this.items.embeddingNames(item));
	}

	@Operation(operationId = "putEmbedding", summary = "Set an item's vector", description = """
			Replaces the item's vector for the encoder `embedding_name`: `{"vector": [...]}` with \
			exactly the encoder's dimension and finite numbers only.""")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@ProblemResponse(status = 409, description = "The dataset is not `active` (`dataset-not-active`).")
	@PutMapping("/api/v1/datasets/{dataset_id}/items/{item_id}/embeddings/{embedding_name}")
	ResponseEntity<Void> putEmbedding(Caller caller, @PathVariable("dataset_id") UUID datasetId,
			@PathVariable("item_id") UUID itemId, @PathVariable("embedding_name") String embeddingName,
			@TypedBody EmbeddingPut body) {
		float[] vector = VectorBody.read(body.vector(), "vector");
		this.items.putEmbedding(caller, datasetId, itemId, embeddingName, vector);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "searchDataset", summary = "Search a dataset by vector", description = """
			The `k` (default 10, at most 100) live items nearest to `vector` under `embedding_name`, \
			nearest first; `score` is the cosine similarity.""")
	@ProblemResponse(status = 409, description = "The dataset is not `active` (`dataset-not-active`).")
	@PostMapping("/api/v1/datasets/{dataset_id}/search")
	SearchResponse search(Caller caller, @PathVariable("dataset_id") UUID datasetId, @TypedBody SearchQuery query) {
		float[] vector = VectorBody.read(query.vector(), "vector");
		List<SearchHit> hits = this.items.search(caller, datasetId, query.embeddingName(), vector,
				(query.k() != null) ? query.k() : 10);
		return new SearchResponse(hits.stream()
			.map((hit) -> new SearchResponse.Result(hit.item().id(), hit.item().assetId(), hit.embeddingName(),
					hit.distance(), 1 - hit.distance()))
			.toList());
	}

	@Tag(name = Tags.ASSETS)
	@Operation(operationId = "listAssetReferences", summary = "List the items that use an asset", description = """
			The items (indexed assets) that reference the asset: those that block deleting it without \
			`force`.""")
	@GetMapping("/api/v1/assets/{asset_id}/indexed-assets")
	IndexedAssetsResponse indexedAssets(Caller caller, @PathVariable("asset_id") UUID assetId) {
		return IndexedAssetsResponse.of(this.items.referencing(caller, assetId));
	}

	private static ResponseEntity<ItemResponse> created(Item item) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/datasets/" + item.datasetId() + "/items/" + item.id()))
			.body(ItemResponse.of(item, List.of()));
	}

	private static UUID uuid(String value, String field) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(FieldError.body(field, "Input should be a valid UUID", "uuid_parsing"));
		}
	}

	/** Nearest items, nearest first; {@code score} is cosine similarity. */
	record SearchResponse(List<Result> results) {

		@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
		record Result(UUID itemId, UUID assetId, String embeddingName, double distance, double score) {
		}

	}

	/**
	 * The indexed assets (items) that reference an asset and would block its deletion.
	 */
	record IndexedAssetsResponse(List<Reference> data, long total) {

		static IndexedAssetsResponse of(List<Item> items) {
			return new IndexedAssetsResponse(
					items.stream().map((i) -> new Reference(i.id(), i.datasetId(), i.createdAt())).toList(),
					items.size());
		}

		@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
		record Reference(UUID itemId, UUID datasetId, java.time.Instant createdAt) {
		}

	}

}
