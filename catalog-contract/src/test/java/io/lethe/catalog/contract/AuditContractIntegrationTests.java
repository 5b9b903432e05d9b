package io.lethe.catalog.contract;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's records in the catalog's audit trail. */
class AuditContractIntegrationTests {

	private final AuditStatements statements = new AuditStatements(ContractDatabase.JDBC);

	private final CatalogRows rows = new CatalogRows();

	@Test
	void anEndedPurgeIsAuditedWithItsOutcomeAndCounts() {
		UUID dataset = UUID.randomUUID();
		UUID job = this.rows.job("dataset", dataset, "completed");
		ContractDatabase.JDBC.sql("update purge.jobs set rows_deleted = 12 where id = ?").param(job).update();
		this.statements.purgeEnded("worker-1", job);
		assertThat(ContractDatabase.JDBC.sql("""
				select actor || ' ' || action || ' ' || target_type || ' ' || outcome || ' '
				       || (detail ->> 'rows_deleted') || ' ' || (detail ->> 'job_id')
				from catalog.audit where target_id = ?
				""").param(dataset).query(String.class).single())
			.isEqualTo("purge-worker:worker-1 purge.completed dataset ok 12 " + job);
	}

	@Test
	void aFailedReconcileRunIsAuditedWithItsDetail() {
		UUID run = UUID.randomUUID();
		this.statements.reconcileRunEnded("lethe-purge-worker", run, "failed", "{\"error\": \"boom\"}");
		assertThat(ContractDatabase.JDBC.sql(
				"select action || ' ' || outcome || ' ' || (detail ->> 'error') from catalog.audit where target_id = ?")
			.param(run)
			.query(String.class)
			.single()).isEqualTo("reconcile.run failed boom");
	}

}
