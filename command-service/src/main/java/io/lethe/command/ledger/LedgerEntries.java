package io.lethe.command.ledger;

import io.lethe.command.dataset.DatasetRestored;
import io.lethe.command.dataset.DatasetSoftDeleted;
import io.lethe.command.deletion.AssetDeleted;
import io.lethe.command.deletion.SamplesDeleted;
import io.lethe.command.purgestatus.PurgeJobReported;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger in step with the deletions, in their own transactions: a deletion
 * opens its row as it commits (so a consumer is never asked about one that did not
 * happen), a restore cancels it (or is refused once the purge began), and the worker's
 * snapshots say when the purge began and ended.
 */
@Component
class LedgerEntries {

	private final DeletionLedger ledger;

	private final LedgerService service;

	LedgerEntries(DeletionLedger ledger, LedgerService service) {
		this.ledger = ledger;
		this.service = service;
	}

	@EventListener
	void datasetDeleted(DatasetSoftDeleted deleted) {
		this.ledger.open(deleted.eventId(), deleted.dataset().orgId(), "dataset", deleted.dataset().id(),
				deleted.dataset().deletedDt());
	}

	@EventListener
	void datasetRestored(DatasetRestored restored) {
		this.service.cancel("dataset", restored.dataset().id());
	}

	@EventListener
	void assetDeleted(AssetDeleted deleted) {
		this.ledger.open(deleted.eventId(), deleted.orgId(), "asset", deleted.assetId(), deleted.at());
	}

	/** A batch's root is the event that announced it, as its purge job's is. */
	@EventListener
	void samplesDeleted(SamplesDeleted deleted) {
		this.ledger.open(deleted.eventId(), deleted.orgId(), "samples", deleted.eventId(), deleted.at());
	}

	@EventListener
	void purgeReported(PurgeJobReported job) {
		this.service.purgeReported(job.jobId(), job.rootType(), job.rootId(), job.startedAt(), job.completed());
	}

}
