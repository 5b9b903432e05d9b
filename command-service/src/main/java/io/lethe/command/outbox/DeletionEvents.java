package io.lethe.command.outbox;

import java.util.UUID;

import io.lethe.command.admin.PurgeAsked;
import io.lethe.command.admin.ReconcileAsked;
import io.lethe.command.dataset.DatasetRestored;
import io.lethe.command.dataset.DatasetSoftDeleted;
import io.lethe.command.deletion.AssetDeleted;
import io.lethe.command.deletion.SamplesDeleted;
import io.lethe.command.ledger.DeletionClosed;
import io.lethe.command.ledger.PurgeBegan;
import io.lethe.events.AssetDeletionRequested;
import io.lethe.events.DatasetDeletionRequested;
import io.lethe.events.DeletionCompleted;
import io.lethe.events.DownstreamAcknowledgement;
import io.lethe.events.PurgeRequested;
import io.lethe.events.PurgeStarted;
import io.lethe.events.ReconcileRequested;
import io.lethe.events.SamplesDeletionRequested;
import io.lethe.events.codec.Topics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one way the command service emits an event: a feature publishes its own event
 * record (an application event, inside its transaction), and this translator turns it
 * into Lethe's Avro event in the outbox, in that same transaction: an event exists if and
 * only if its change committed. No other class writes the outbox.
 */
@Component
class DeletionEvents {

	private final Outbox outbox;

	DeletionEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void datasetDeleted(DatasetSoftDeleted deleted) {
		UUID eventId = deleted.eventId();
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

	@EventListener
	void assetDeleted(AssetDeleted deleted) {
		this.outbox.append(deleted.eventId(), "asset", deleted.assetId(), Topics.DELETIONS,
				AssetDeletionRequested.newBuilder()
					.setEventId(deleted.eventId().toString())
					.setOrgId(deleted.orgId().toString())
					.setOccurredAt(deleted.at())
					.setAssetId(deleted.assetId().toString())
					.setRequestedBy(deleted.requestedBy())
					.setForce(deleted.force())
					.setCascade(deleted.cascade())
					.build());
	}

	/** Keyed by the dataset, so that a dataset's events keep their order. */
	@EventListener
	void samplesDeleted(SamplesDeleted deleted) {
		this.outbox.append(deleted.eventId(), "dataset", deleted.datasetId(), Topics.DELETIONS,
				SamplesDeletionRequested.newBuilder()
					.setEventId(deleted.eventId().toString())
					.setOrgId(deleted.orgId().toString())
					.setOccurredAt(deleted.at())
					.setDatasetId(deleted.datasetId().toString())
					.setSampleIds(deleted.sampleIds().stream().map(UUID::toString).toList())
					.setRequestedBy(deleted.requestedBy())
					.setDeleteSource(deleted.deleteSource())
					.setSourceAssetIds(deleted.sourceAssetIds().stream().map(UUID::toString).toList())
					.build());
	}

	@EventListener
	void purgeAsked(PurgeAsked asked) {
		this.outbox.append(asked.eventId(), asked.rootType(), asked.rootId(), Topics.DELETIONS,
				PurgeRequested.newBuilder()
					.setEventId(asked.eventId().toString())
					.setOrgId(asked.orgId().toString())
					.setOccurredAt(asked.at())
					.setRootType(asked.rootType())
					.setRootId(asked.rootId().toString())
					.setRequestedBy(asked.requestedBy())
					.setReason(asked.reason())
					.build());
	}

	/** Keyed by the run: runs are independent of each other. */
	@EventListener
	void reconcileAsked(ReconcileAsked asked) {
		this.outbox.append(asked.eventId(), "reconcile", asked.runId(), Topics.DELETIONS,
				ReconcileRequested.newBuilder()
					.setEventId(asked.eventId().toString())
					.setOrgId(asked.orgId().toString())
					.setOccurredAt(asked.at())
					.setRunId(asked.runId().toString())
					.setDryRun(asked.dryRun())
					.setScopeOrgId((asked.scopeOrgId() != null) ? asked.scopeOrgId().toString() : null)
					.setSafetyAge(asked.safetyAge())
					.setRequestedBy(asked.requestedBy())
					.build());
	}

	/**
	 * Keyed by the root's key on the topic: a dataset's id for a dataset, an asset's for
	 * an asset, and for a batch of samples the batch (its purge job's root).
	 */
	@EventListener
	void purgeBegan(PurgeBegan began) {
		this.outbox.append(began.eventId(), began.rootType(), began.rootId(), Topics.DELETIONS,
				PurgeStarted.newBuilder()
					.setEventId(began.eventId().toString())
					.setOrgId(began.orgId().toString())
					.setOccurredAt(began.startedAt())
					.setRootType(began.rootType())
					.setRootId(began.rootId().toString())
					.setDeletionEventId(began.deletionId().toString())
					.setJobId(began.jobId().toString())
					.build());
	}

	@EventListener
	void deletionClosed(DeletionClosed closed) {
		this.outbox.append(closed.eventId(), closed.rootType(), closed.rootId(), Topics.DELETIONS,
				DeletionCompleted.newBuilder()
					.setEventId(closed.eventId().toString())
					.setOrgId(closed.orgId().toString())
					.setOccurredAt(closed.at())
					.setRootType(closed.rootType())
					.setRootId(closed.rootId().toString())
					.setDeletionEventId(closed.deletionId().toString())
					.setJobId((closed.jobId() != null) ? closed.jobId().toString() : null)
					.setAcknowledgements(closed.answers()
						.stream()
						.map((a) -> DownstreamAcknowledgement.newBuilder()
							.setConsumer(a.consumer())
							.setRequired(a.required())
							.setOutcome(a.outcome())
							.setAckedAt(a.ackedAt())
							.setItemsDeleted(a.itemsDeleted())
							.build())
						.toList())
					.setCompletionReceiptJws(closed.completionReceiptJws())
					.build());
	}

}
