package io.lethe.command.dataset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A dataset as the catalog keeps it: every field of the Coactive dataset resource, plus
 * its org and {@code expires_at}, the moment from which its purge may run.
 * {@code datasetConfig} is the client's JSON object, kept as JSON text.
 */
public record Dataset(UUID id, UUID orgId, String name, String description, String encoderName,
		List<String> allowedAssetTypes, String keyframeSamplingMethod, Double keyframeUniformFpsSamplingRate,
		boolean storeOriginal, boolean storePreview, List<String> metadataFieldsToIndex,
		List<String> metadataFieldsToEmbed, String datasetConfig, DatasetStatus status, Instant createdDt,
		String createdBy, Instant updatedDt, String updatedBy, Instant deletedDt, String deletedBy, Instant expiresAt) {

	public Dataset {
		allowedAssetTypes = List.copyOf(allowedAssetTypes);
		metadataFieldsToIndex = (metadataFieldsToIndex != null) ? List.copyOf(metadataFieldsToIndex) : null;
		metadataFieldsToEmbed = (metadataFieldsToEmbed != null) ? List.copyOf(metadataFieldsToEmbed) : null;
	}

	public boolean isActive() {
		return this.status == DatasetStatus.ACTIVE;
	}

	Dataset restored(String by, Instant at) {
		return new Dataset(this.id, this.orgId, this.name, this.description, this.encoderName, this.allowedAssetTypes,
				this.keyframeSamplingMethod, this.keyframeUniformFpsSamplingRate, this.storeOriginal, this.storePreview,
				this.metadataFieldsToIndex, this.metadataFieldsToEmbed, this.datasetConfig, DatasetStatus.ACTIVE,
				this.createdDt, this.createdBy, at, by, null, null, null);
	}

	Dataset changed(DatasetChanges changes, String by, Instant at) {
		return new Dataset(this.id, this.orgId, changes.name().orElse(this.name),
				changes.description().orElse(this.description), this.encoderName,
				changes.allowedAssetTypes().orElse(this.allowedAssetTypes),
				changes.keyframeSamplingMethod().orElse(this.keyframeSamplingMethod),
				changes.keyframeUniformFpsSamplingRate().orElse(this.keyframeUniformFpsSamplingRate),
				changes.storeOriginal().orElse(this.storeOriginal), changes.storePreview().orElse(this.storePreview),
				changes.metadataFieldsToIndex().orElse(this.metadataFieldsToIndex),
				changes.metadataFieldsToEmbed().orElse(this.metadataFieldsToEmbed),
				changes.datasetConfig().orElse(this.datasetConfig), this.status, this.createdDt, this.createdBy, at, by,
				this.deletedDt, this.deletedBy, this.expiresAt);
	}

}
