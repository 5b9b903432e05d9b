package io.lethe.purge.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to purge a root: from an event, an operator or the sweep.
 *
 * @param runAt when the purge may run at the earliest
 */
public record JobRequest(String rootType, UUID rootId, UUID orgId, Instant runAt, Instant requestedAt,
		String requestedBy, RequestedVia via) {
}
