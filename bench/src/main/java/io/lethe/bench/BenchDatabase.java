package io.lethe.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.lethe.testkit.DatabaseRoles;

/**
 * A database of the bench run's own on the local PostgreSQL ({@code lethe_bench_…}, with
 * the {@code vector} extension), dropped when the run ends, so a bench never touches the
 * data of {@code make run} or of a test run.
 */
record BenchDatabase(String host, String port, String user, String password, String name) implements AutoCloseable {

	static BenchDatabase create() {
		BenchDatabase db = new BenchDatabase(env("LETHE_DB_HOST", "127.0.0.1"), env("LETHE_DB_PORT", "5432"),
				env("LETHE_DB_USER", "postgres"), env("LETHE_DB_PASSWORD", ""),
				"lethe_bench_" + UUID.randomUUID().toString().substring(0, 8));
		try (Connection admin = db.connect("postgres"); Statement statement = admin.createStatement()) {
			statement.execute("create database " + db.name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL is not usable for the bench (make setup): " + ex.getMessage(),
					ex);
		}
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create extension if not exists vector");
			DatabaseRoles.apply(connection, db.password);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("pgvector is missing (make setup): " + ex.getMessage(), ex);
		}
		return db;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

	Connection connect() throws SQLException {
		return connect(this.name);
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:postgresql://" + this.host + ":" + this.port + "/" + database + "?reWriteBatchedInserts=true",
				this.user, this.password);
	}

	/**
	 * What autovacuum would have done by now to the tables a seeding filled and the
	 * purges before emptied: their dead rows vacuumed away and their statistics taken.
	 * This machine's PostgreSQL runs with autovacuum off (its {@code conf.d/90-ci.conf}),
	 * so without this every purge of a run met the dead rows of all the purges before it
	 * and plans made without statistics; a production catalog is vacuumed and analyzed as
	 * it goes. Run before each timed purge, Lethe's, the floor's and the naive peer's
	 * alike. The vectors are only analyzed: vacuuming their HNSW index mends its graph
	 * around every deleted vector, which takes minutes here and which autovacuum does in
	 * the background.
	 */
	void settle() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("vacuum (analyze) catalog.items, catalog.assets, catalog.datasets, catalog.share_links, "
					+ "catalog.object_intents, purge.jobs, purge.job_prefixes");
			statement.execute("analyze vectors.e_multimodal");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Vacuuming the bench database failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
			statement.execute("drop database if exists " + this.name + " with (force)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop bench database " + this.name + ": " + ex.getMessage());
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
