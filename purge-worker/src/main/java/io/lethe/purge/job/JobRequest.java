package io.lethe.purge.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to purge a root: from an event, an operator or the sweep.
 *
 * @param runAt when the purge may run at the earliest
 * @param scope what the purge covers besides the root, recorded when the job is created
 */
public record JobRequest(String rootType, UUID rootId, UUID orgId, Instant runAt, Instant requestedAt,
		String requestedBy, RequestedVia via, JobScope scope) {

	/** A request for the root alone. */
	public JobRequest(String rootType, UUID rootId, UUID orgId, Instant runAt, Instant requestedAt, String requestedBy,
			RequestedVia via) {
		this(rootType, rootId, orgId, runAt, requestedAt, requestedBy, via, JobScope.ROOT);
	}

}
