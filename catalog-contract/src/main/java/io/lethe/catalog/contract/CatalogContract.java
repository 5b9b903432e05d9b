package io.lethe.catalog.contract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole of what the purge worker may do with the command service's catalog: every
 * statement it runs against a {@code catalog.*} table is one of the named methods of the
 * groups declared here, and no other worker code names a catalog table (a structure test
 * of the worker says so). The catalog's Flyway migrations ({@code classpath:db/catalog})
 * live in this module too, so a migration and the statements it could break are read,
 * changed and reviewed together; only the command service runs them in production.
 * <p>
 * A change to a statement here, or to a column one of them reads or writes, is a contract
 * change: bump {@link #VERSION} and review it with the command service's migrations. Some
 * statements also join the worker's own tables ({@code purge.jobs},
 * {@code purge.job_prefixes}, {@code purge.job_targets}) so that the database does a
 * dataset-sized job in one pass; the columns they name are part of the contract as well.
 * <p>
 * The groups hold no transactions of their own: each statement runs on the caller's
 * {@link JdbcClient}, so it joins whatever transaction the caller holds (a fence's lock,
 * a chunk's delete and its checkpoint).
 */
@Configuration(proxyBeanMethods = false)
public class CatalogContract {

	/** The version of this contract; raised with every change to a statement. */
	public static final int VERSION = 1;

	@Bean
	DatasetPurgeStatements datasetPurgeStatements(JdbcClient jdbc) {
		return new DatasetPurgeStatements(jdbc);
	}

	@Bean
	AssetPurgeStatements assetPurgeStatements(JdbcClient jdbc) {
		return new AssetPurgeStatements(jdbc);
	}

	@Bean
	SamplesPurgeStatements samplesPurgeStatements(JdbcClient jdbc) {
		return new SamplesPurgeStatements(jdbc);
	}

	@Bean
	PurgeRowStatements purgeRowStatements(JdbcClient jdbc) {
		return new PurgeRowStatements(jdbc);
	}

	@Bean
	ObjectIntentStatements objectIntentStatements(JdbcClient jdbc) {
		return new ObjectIntentStatements(jdbc);
	}

	@Bean
	SweepStatements sweepStatements(JdbcClient jdbc) {
		return new SweepStatements(jdbc);
	}

	@Bean
	ReconcilerStatements reconcilerStatements(JdbcClient jdbc) {
		return new ReconcilerStatements(jdbc);
	}

	@Bean
	AuditStatements auditStatements(JdbcClient jdbc) {
		return new AuditStatements(jdbc);
	}

}
