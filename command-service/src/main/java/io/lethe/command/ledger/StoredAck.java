package io.lethe.command.ledger;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A consumer's latest answer to a deletion. */
record StoredAck(UUID deletionId, UUID consumerId, String outcome, String detail, Long itemsDeleted, String via,
		Instant firstAckedAt, Instant ackedAt) {

	static final Set<String> OUTCOMES = Set.of("deleted", "nothing_held", "failed");

	/**
	 * Whether the consumer holds no copy any more: a deletion needs nothing more of it.
	 */
	boolean answered() {
		return !"failed".equals(this.outcome);
	}

}
