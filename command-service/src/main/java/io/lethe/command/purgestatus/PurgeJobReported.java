package io.lethe.command.purgestatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A snapshot of a purge job was applied to the command service's copy. Published inside
 * the transaction that applied it, so that what follows from it (the downstream ledger
 * learning that a purge began or ended) commits with the copy. Redelivered snapshots are
 * reported again: listeners act idempotently.
 *
 * @param startedAt when the worker began the purge, null while it has not
 * @param receipted whether the job's receipt has arrived (a purge is done only then)
 */
public record PurgeJobReported(UUID jobId, UUID orgId, String rootType, UUID rootId, String state, Instant startedAt,
		boolean receipted) {

	public boolean completed() {
		return "completed".equals(this.state) && this.receipted;
	}

}
