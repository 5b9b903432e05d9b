package io.lethe.purge.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

import io.lethe.catalog.contract.AuditStatements;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each real run's outcome in the audit trail ({@code catalog.audit}), next to the
 * command service's record of the request: what was removed, per kind, and by whose
 * request. Scheduled runs, which no operator asked for, are audited the same way.
 */
@Component
class ReconcileAudit {

	private static final String ACTOR = "lethe-purge-worker";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditStatements audit;

	ReconcileAudit(AuditStatements audit) {
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void ended(ReconcileRuns.Claimed run, ReconcileReport report, String error) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("requested_by", run.requestedBy());
		detail.put("requested_via", run.requestedVia());
		detail.put("org_id", (run.orgId() != null) ? run.orgId().toString() : null);
		Map<String, Long> removed = new LinkedHashMap<>();
		long bytes = 0;
		for (Kind kind : Kind.values()) {
			removed.put(kind.id(), report.removed(kind));
			bytes += report.removedBytes(kind);
		}
		detail.put("removed", removed);
		detail.put("removed_bytes", bytes);
		if (error != null) {
			detail.put("error", error);
		}
		this.audit.reconcileRunEnded(ACTOR, run.id(), (error == null) ? "ok" : "failed",
				JSON.writeValueAsString(detail));
	}

}
