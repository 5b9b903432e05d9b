package io.lethe.command.deletion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of a dataset's samples was deleted, and with {@code deleteSource} the sources
 * it deleted: the purge removes their vectors, previews, binaries and rows.
 */
public record SamplesDeleted(UUID eventId, UUID orgId, UUID datasetId, List<UUID> sampleIds, String requestedBy,
		boolean deleteSource, List<UUID> sourceAssetIds, Instant at) {

	public SamplesDeleted {
		sampleIds = List.copyOf(sampleIds);
		sourceAssetIds = List.copyOf(sourceAssetIds);
	}

}
