package io.lethe.purge.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An operator's request for a reconciliation run.
 *
 * @param runId the run's id, chosen by the requester
 * @param orgId the org to reconcile; null for every org
 * @param safetyAge the safety age asked for; null for the worker's default
 */
public record ReconcileRequest(UUID runId, boolean dryRun, UUID orgId, Duration safetyAge, String requestedBy,
		Instant requestedAt) {
}
