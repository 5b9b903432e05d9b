package io.lethe.command.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deletion is done: its purge verified and every required consumer answered. The outbox
 * turns this into {@code DeletionCompleted}; a completion receipt would be issued from
 * the same moment.
 */
public record DeletionClosed(UUID eventId, UUID orgId, String rootType, UUID rootId, UUID deletionId, UUID jobId,
		Instant at, List<Answer> answers) {

	public DeletionClosed {
		answers = List.copyOf(answers);
	}

	/** One consumer's answer as the deletion closed. */
	public record Answer(String consumer, boolean required, String outcome, Instant ackedAt, Long itemsDeleted) {
	}

}
