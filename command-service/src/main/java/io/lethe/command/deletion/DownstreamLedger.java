package io.lethe.command.deletion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the downstream consumers answered about a root's current deletion, for its
 * deletion status. Implemented by the ledger, which depends on this feature's events;
 * this port keeps the dependency one way.
 */
public interface DownstreamLedger {

	/**
	 * The consumers asked about the root's current deletion and where each stands; empty
	 * when there is none, or when it was cancelled by a restore.
	 */
	List<Downstream> downstream(String rootType, UUID rootId);

	/**
	 * One consumer's place in a deletion's ledger.
	 *
	 * @param state {@code waiting}, {@code acknowledged}, {@code failed} or
	 * {@code overdue}
	 * @param dueAt when the purge began plus the consumer's deadline; null before the
	 * purge began
	 */
	record Downstream(String consumer, boolean required, String state, Instant ackedAt, String outcome, Instant dueAt) {
	}

}
