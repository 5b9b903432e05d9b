package io.lethe.command.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One deletion asked of the downstream consumers, by the id of the event that requested
 * it.
 */
record LedgerRow(UUID deletionId, UUID orgId, String rootType, UUID rootId, Instant requestedAt, UUID jobId,
		Instant purgeStartedAt, Instant purgeCompletedAt, Instant cancelledAt, Instant completedAt) {

	boolean open() {
		return this.cancelledAt == null && this.completedAt == null;
	}

}
