package io.lethe.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database for one test JVM. */
public record TestPostgres(String jdbcUrl, String username, String password) {

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

}
