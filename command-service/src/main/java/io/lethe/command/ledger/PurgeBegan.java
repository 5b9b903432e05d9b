package io.lethe.command.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * The purge of a deletion the consumers were asked about has begun: from now on they
 * erase (the outbox turns this into {@code PurgeStarted}).
 */
public record PurgeBegan(UUID eventId, UUID orgId, String rootType, UUID rootId, UUID deletionId, UUID jobId,
		Instant startedAt) {
}
