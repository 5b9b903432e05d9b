package io.lethe.command.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deletion is done: its purge verified and every required consumer answered. The outbox
 * turns this into {@code DeletionCompleted}, with the completion receipt signed in the
 * same transaction.
 */
public record DeletionClosed(UUID eventId, UUID orgId, String rootType, UUID rootId, UUID deletionId, UUID jobId,
		Instant at, List<Answer> answers, String completionReceiptJws) {

	public DeletionClosed {
		answers = List.copyOf(answers);
	}

	/** One consumer's answer as the deletion closed. */
	public record Answer(String consumer, boolean required, String outcome, Instant ackedAt, Long itemsDeleted) {
	}

}
