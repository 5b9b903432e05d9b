package io.lethe.command.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A registered downstream consumer: the root types it holds copies of, how long it has to
 * acknowledge once a purge began, and whether a deletion waits for it. A retired consumer
 * is kept for the record and never waited for.
 */
public record DownstreamConsumer(UUID id, String name, List<String> rootTypes, Duration ackDeadline, boolean required,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant retiredAt, String retiredBy) {

	/** The roots a consumer can be asked about, as the purge worker's jobs name them. */
	public static final Set<String> ROOT_TYPES = Set.of("dataset", "asset", "samples");

	public boolean retired() {
		return this.retiredAt != null;
	}

}
