package io.lethe.command.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A required consumer that has not answered a deletion within its deadline (or answered
 * {@code failed}).
 */
public record OverdueAck(UUID deletionId, UUID orgId, String rootType, UUID rootId, UUID consumerId, String consumer,
		Instant purgeStartedAt, Instant dueAt, String outcome, Instant ackedAt) {
}
