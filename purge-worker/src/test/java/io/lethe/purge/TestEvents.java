package io.lethe.purge;

import java.time.Instant;
import java.util.UUID;

import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DatasetRestored;
import io.lethe.events.PurgeCompleted;
import io.lethe.events.PurgeFailed;
import io.lethe.events.PurgeRequested;
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
		return PurgeRequested.newBuilder()
			.setEventId(UUID.randomUUID().toString())
			.setOrgId(org.toString())
			.setOccurredAt(Instant.now())
			.setRootType("dataset")
			.setRootId(dataset.toString())
			.setRequestedBy("operator-key")
			.setReason("test")
			.build();
	}

	/** Publishes to lethe.deletions, keyed by the root as the relay does. */
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
