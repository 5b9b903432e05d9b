package io.lethe.command.item;

import java.time.Instant;
import java.util.UUID;

/**
 * An asset placed in a dataset (an "indexed asset", a "sample"), with its derived
 * binaries under the dataset's prefix and its vectors in the vector index.
 * {@code sourceDeleted} is set when its asset was force-deleted.
 */
public record Item(UUID id, UUID orgId, UUID datasetId, UUID assetId, String assetType, String status,
		boolean sourceDeleted, String previewKey, Instant createdAt, String createdBy) {

	public static final String ACTIVE = "active";

	public static final String DELETED = "deleted";

}
