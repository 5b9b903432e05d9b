package io.lethe.command.dataset;

import java.time.Duration;
import java.util.UUID;

/**
 * Published inside the transaction that soft-deletes a dataset; listeners (share links,
 * the outbox) act in that same transaction, so the delete and its consequences commit or
 * fail together.
 */
public record DatasetSoftDeleted(Dataset dataset, Duration grace, UUID eventId) {

	/**
	 * The event id is chosen here, so that the outbox's event and the downstream ledger
	 * name the same deletion.
	 */
	public DatasetSoftDeleted(Dataset dataset, Duration grace) {
		this(dataset, grace, UUID.randomUUID());
	}

}
