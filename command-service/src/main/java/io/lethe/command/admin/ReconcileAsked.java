package io.lethe.command.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator asked for a reconciliation run.
 *
 * @param scopeOrgId the org the run is limited to, or null for every org
 * @param safetyAge the ISO-8601 safety age asked for, or null for the worker's
 */
public record ReconcileAsked(UUID eventId, UUID orgId, UUID runId, boolean dryRun, UUID scopeOrgId, String safetyAge,
		String requestedBy, Instant at) {
}
