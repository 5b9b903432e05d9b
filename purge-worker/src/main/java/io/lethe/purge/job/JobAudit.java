package io.lethe.purge.job;

import io.lethe.catalog.contract.AuditStatements;

import org.springframework.stereotype.Component;

/**
 * Writes the audit record of every purge that ends, completed or failed, into the
 * catalog's audit trail beside the operators' actions, in the transaction that ends the
 * job: who (this worker), what (the root), when, the outcome and the counts per store.
 */
@Component
class JobAudit {

	private final AuditStatements audit;

	JobAudit(AuditStatements audit) {
		this.audit = audit;
	}

	void ended(Lease lease) {
		this.audit.purgeEnded(lease.owner(), lease.jobId());
	}

}
