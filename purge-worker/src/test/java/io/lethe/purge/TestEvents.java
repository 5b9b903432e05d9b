package io.lethe.purge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.PurgeCompleted;
import io.lethe.events.PurgeFailed;
import io.lethe.events.PurgeRequested;
import io.lethe.events.ReconcileRequested;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.events.codec.Topics;
import org.apache.avro.specific.SpecificRecord;

/** Deletion events as the command service's outbox relay publishes them. */
final class TestEvents {

	private TestEvents() {
	}

	static DatasetDeletionRequested deletionRequested(UUID org, UUID dataset, Instant expiresAt) {
		return DatasetDeletionRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setDatasetId(dataset.toString())
			.setRequestedBy("key-1")
			.setExpiresAt(expiresAt)
			.build();
	}

	static DatasetRestored restored(UUID org, UUID dataset) {
		return DatasetRestored.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setDatasetId(dataset.toString())
			.setRestoredBy("key-1")
			.build();
	}

	static PurgeRequested purgeRequested(UUID org, UUID dataset) {
		return purgeRequested(org, "dataset", dataset);
	}

	/** An operator's purge-now or retry of any root. */
	static PurgeRequested purgeRequested(UUID org, String rootType, UUID root) {
		return PurgeRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setRootType(rootType)
			.setRootId(root.toString())
			.setRequestedBy("operator-key")
			.setReason("test")
			.build();
	}

	/** A forced asset deletion, as AssetDeletionService emits it. */
	static AssetDeletionRequested assetDeletion(UUID org, UUID asset, boolean cascade) {
		return AssetDeletionRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setAssetId(asset.toString())
			.setRequestedBy("key-1")
			.setForce(true)
			.setCascade(cascade)
			.build();
	}

	/**
	 * A batch of samples deleted, as SampleDeletionService emits it: the samples it
	 * deleted and, with delete_source, the sources it deleted with them.
	 */
	static SamplesDeletionRequested samplesDeletion(UUID org, UUID dataset, List<UUID> samples, List<UUID> sources) {
		return SamplesDeletionRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setDatasetId(dataset.toString())
			.setSampleIds(samples.stream().map(UUID::toString).toList())
			.setRequestedBy("key-1")
			.setDeleteSource(!sources.isEmpty())
			.setSourceAssetIds(sources.stream().map(UUID::toString).toList())
			.build();
	}

	/** Publishes to lethe.deletions, keyed by the root as the relay does. */
	/**
	 * An operator's reconcile request for one org's data, as the command service sends
	 * it.
	 */
	static ReconcileRequested reconcileRequested(UUID run, UUID org, boolean dryRun, String safetyAge) {
		return ReconcileRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setRunId(run.toString())
			.setDryRun(dryRun)
			.setScopeOrgId(org.toString())
			.setSafetyAge(safetyAge)
			.setRequestedBy("operator-key")
			.build();
	}

	static void publish(UUID root, SpecificRecord event) {
		KafkaProbe.send(Topics.DELETIONS, root.toString(), event);
	}

	static boolean completedFor(SpecificRecord event, UUID root) {
		return event instanceof PurgeCompleted completed && completed.getRootId().equals(root.toString());
	}

	static boolean failedFor(SpecificRecord event, UUID root) {
		return event instanceof PurgeFailed failed && failed.getRootId().equals(root.toString());
	}

}
