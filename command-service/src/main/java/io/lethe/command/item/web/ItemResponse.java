package io.lethe.command.item.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.command.item.Item;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An item as the API shows it, with the names of the embeddings it has vectors for. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ItemResponse(UUID id, UUID datasetId, UUID assetId, String assetType, String status, boolean sourceDeleted,
		boolean hasPreview, List<String> embeddings, Instant createdAt, String createdBy) {

	static ItemResponse of(Item item, List<String> embeddings) {
		return new ItemResponse(item.id(), item.datasetId(), item.assetId(), item.assetType(), item.status(),
				item.sourceDeleted(), item.previewKey() != null, embeddings, item.createdAt(), item.createdBy());
	}

}
