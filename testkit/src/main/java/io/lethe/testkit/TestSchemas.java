package io.lethe.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;

/**
 * The schemas a test database needs, from the migrations their owners ship, so that no
 * test reaches into another module's source tree for them.
 */
public final class TestSchemas {

	private static final Set<String> CATALOGS = ConcurrentHashMap.newKeySet();

	private TestSchemas() {
	}

	/**
	 * The command service's catalog schema, as its Flyway creates it in production: the
	 * migrations of {@code catalog-contract} ({@code classpath:db/catalog}), run by its
	 * owner, the command service's role. Migrates each database once per JVM, however
	 * many test classes ask.
	 */
	public static void catalog(TestPostgres postgres) {
		if (CATALOGS.contains(postgres.jdbcUrl())) {
			return;
		}
		synchronized (CATALOGS) {
			if (CATALOGS.contains(postgres.jdbcUrl())) {
				return;
			}
			Flyway.configure()
				.dataSource(postgres.jdbcUrl(), DatabaseRoles.COMMAND, postgres.password())
				.schemas("catalog")
				.defaultSchema("catalog")
				.table("flyway_schema_history")
				.locations("classpath:db/catalog")
				.load()
				.migrate();
			CATALOGS.add(postgres.jdbcUrl());
		}
	}

}
