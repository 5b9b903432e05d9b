package io.lethe.command.dataset;

import java.util.List;

/** The fields a PATCH sets; each is either absent or a new value. */
public record DatasetChanges(Change<String> name, Change<String> description, Change<List<String>> allowedAssetTypes,
		Change<String> keyframeSamplingMethod, Change<Double> keyframeUniformFpsSamplingRate,
		Change<Boolean> storeOriginal, Change<Boolean> storePreview, Change<List<String>> metadataFieldsToIndex,
		Change<List<String>> metadataFieldsToEmbed, Change<String> datasetConfig) {
}
