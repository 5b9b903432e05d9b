package io.lethe.command.outbox;

import java.util.UUID;

import io.lethe.command.dataset.DatasetRestored;
import io.lethe.command.dataset.DatasetSoftDeleted;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.codec.Topics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the catalog's deletion commands into Lethe events in the outbox, inside the
 * command's own transaction: an event exists if and only if its change committed.
 */
@Component
class DeletionEvents {

	private final Outbox outbox;

	DeletionEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void datasetDeleted(DatasetSoftDeleted deleted) {
		UUID eventId = UUID.randomUUID();
		var dataset = deleted.dataset();
		this.outbox.append(eventId, "dataset", dataset.id(), Topics.DELETIONS,
				DatasetDeletionRequested.newBuilder()
					.setEventId(eventId.toString())
					.setOrgId(dataset.orgId().toString())
					.setOccurredAt(dataset.deletedDt())
					.setDatasetId(dataset.id().toString())
					.setRequestedBy(dataset.deletedBy())
					.setExpiresAt(dataset.expiresAt())
					.build());
	}

	@EventListener
	void datasetRestored(DatasetRestored restored) {
		UUID eventId = UUID.randomUUID();
		this.outbox.append(eventId, "dataset", restored.dataset().id(), Topics.DELETIONS,
				io.lethe.events.DatasetRestored.newBuilder()
					.setEventId(eventId.toString())
					.setOrgId(restored.dataset().orgId().toString())
					.setOccurredAt(restored.at())
					.setDatasetId(restored.dataset().id().toString())
					.setRestoredBy(restored.by())
					.build());
	}

}
