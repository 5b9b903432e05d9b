package io.lethe.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database for one test JVM, as its superuser: what set-up scripts and test fixtures
 * use. Services connect {@link #as} their own roles ({@link DatabaseRoles}).
 */
public record TestPostgres(String jdbcUrl, String username, String password) {

	/**
	 * The same database as one of Lethe's roles, with the password the set-up gave it.
	 */
	public TestPostgres as(String role) {
		return new TestPostgres(this.jdbcUrl, role, this.password);
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

}
