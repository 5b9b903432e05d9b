package io.lethe.catalog.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestPostgres;
import io.lethe.testkit.TestSchemas;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This JVM's database with the migrated catalog and the purge tables the statements join,
 * set up once; a {@link JdbcClient} and transactions on it, as the worker has them.
 */
final class ContractDatabase {

	static final TestPostgres POSTGRES = TestInfrastructure.postgres();

	static final DataSource DATA_SOURCE;

	static final JdbcClient JDBC;

	static final TransactionTemplate TRANSACTIONS;

	static {
		TestSchemas.catalog(POSTGRES);
		try (Connection connection = POSTGRES.connect();
				Statement statement = connection.createStatement();
				InputStream sql = ContractDatabase.class.getResourceAsStream("/purge-tables.sql")) {
			statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// one connection for the whole run keeps the tests fast; lock checks open their
		// own
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(POSTGRES.jdbcUrl(), POSTGRES.username(),
				POSTGRES.password(), true);
		dataSource.setAutoCommit(true);
		DATA_SOURCE = dataSource;
		JDBC = JdbcClient.create(DATA_SOURCE);
		TRANSACTIONS = new TransactionTemplate(new DataSourceTransactionManager(DATA_SOURCE));
	}

	private ContractDatabase() {
	}

}
