package io.lethe.command.compat.twelvelabs.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * TwelveLabs' answer shapes, with the field names of its reference pages: one page of
 * {@code {data, page_info}}, and errors as {@code {code, message}}.
 */
final class TwelveLabsResponses {

	private TwelveLabsResponses() {
	}

	/** An indexed asset that references the asset. */
	@Schema(name = "TwelveLabsIndexedAsset", requiredProperties = { "_id", "index_id", "asset_id", "created_at" })
	record IndexedAsset(@JsonProperty("_id") String id,
			@JsonProperty("index_id") @Schema(description = "The dataset the item is in.") String indexId,
			@JsonProperty("asset_id") String assetId,
			@JsonProperty("created_at") @Schema(format = "date-time") String createdAt) {
	}

	/** An entity linked to the asset. */
	@Schema(name = "TwelveLabsEntity", requiredProperties = { "_id", "name", "description", "created_at" })
	record Entity(@JsonProperty("_id") String id, String name, @Schema(types = {
			"string", "null" }) String description,
			@JsonProperty("created_at") @Schema(types = { "string", "null" }, format = "date-time") String createdAt){
	}

	/** One page, which is all there is. */
	@Schema(name = "TwelveLabsPageInfo",
			requiredProperties = { "page", "limit_per_page", "total_page", "total_results" })
	record PageInfo(int page, @JsonProperty("limit_per_page") int limitPerPage,
			@JsonProperty("total_page") int totalPage, @JsonProperty("total_results") int totalResults) {

		static PageInfo of(List<?> data) {
			return new PageInfo(1, data.size(), 1, data.size());
		}

	}

	@Schema(name = "TwelveLabsIndexedAssetsPage", requiredProperties = { "data", "page_info" })
	record IndexedAssets(List<IndexedAsset> data, @JsonProperty("page_info") PageInfo pageInfo) {
	}

	@Schema(name = "TwelveLabsEntitiesPage", requiredProperties = { "data", "page_info" })
	record Entities(List<Entity> data, @JsonProperty("page_info") PageInfo pageInfo) {
	}

	/**
	 * TwelveLabs' error; {@code references} only on 409 {@code asset_referenced}.
	 */
	@Schema(name = "TwelveLabsError", requiredProperties = { "code", "message" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Error(
			@Schema(description = "`parameter_invalid`, `api_key_invalid`, `resource_not_exist`, "
					+ "`asset_referenced`, `legal_hold`, `too_many_requests`, …") String code,
			String message, @ArraySchema(schema = @Schema(implementation = Reference.class), arraySchema = @Schema(
					description = "What references the asset (409 `asset_referenced`).")) List<?> references) {

		static Error of(String code, String message) {
			return new Error(code, message, null);
		}

	}

	/** An item that keeps the asset from being deleted without {@code force}. */
	@Schema(name = "TwelveLabsReference")
	record Reference(@JsonProperty("dataset_id") String datasetId, @JsonProperty("item_id") String itemId,
			@JsonProperty("dataset_status") String datasetStatus) {
	}

	/** The delete's answer: an empty object. */
	@Schema(name = "TwelveLabsEmpty", type = "object", description = "Always `{}`.")
	record Empty() {
	}

}
