package io.lethe.command.dataset;

import java.util.List;
import java.util.UUID;

/**
 * A validated request to create a dataset. {@code requestedId} is the Coactive
 * {@code dataset_id}, a known id kept during migrations; null means a new random id.
 */
public record NewDataset(UUID requestedId, String name, String description, String encoderName,
		List<String> allowedAssetTypes, String keyframeSamplingMethod, Double keyframeUniformFpsSamplingRate,
		boolean storeOriginal, boolean storePreview, List<String> metadataFieldsToIndex,
		List<String> metadataFieldsToEmbed, String datasetConfig) {
}
