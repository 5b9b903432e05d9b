package io.lethe.command.asset;

import java.time.Instant;
import java.util.UUID;

/**
 * An org-level source file. Its binary lives at {@code objectKey}; {@code metadata} is
 * the user's JSON object (as text). {@code ownerDatasetId} is set when the asset was
 * uploaded into a dataset, whose purge then takes it along.
 */
public record Asset(UUID id, UUID orgId, String filename, String contentType, AssetType assetType, Long sizeBytes,
		String checksum, String objectKey, UUID ownerDatasetId, String metadata, String status, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy) {

	public static final String UPLOADING = "uploading";

	public static final String READY = "ready";

	public static final String DELETED = "deleted";

	public boolean isReady() {
		return READY.equals(this.status);
	}

}
