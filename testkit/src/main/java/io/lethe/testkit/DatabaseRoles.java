package io.lethe.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Lethe's database roles and schemas, set up in a test database by the same SQL that
 * {@code make run} and docker-compose run ({@code scripts/db/roles.sql} and
 * {@code scripts/db/schemas.sql}): each service connects as its own role, so a test sees
 * what its grants allow and nothing more.
 */
public final class DatabaseRoles {

	/** The command service's role: owns schema {@code catalog}. */
	public static final String COMMAND = "lethe_command";

	/**
	 * The purge worker's role: owns schema {@code purge}, the contract's grants on the
	 * catalog.
	 */
	public static final String WORKER = "lethe_worker";

	private DatabaseRoles() {
	}

	/**
	 * Creates the roles (once per cluster; serialised, as test JVMs may start together)
	 * and the schemas of the database the connection is on. The connection must be a
	 * superuser's; {@code password} is the one the roles log in with (empty where the
	 * server trusts loopback connections).
	 */
	public static void apply(Connection superuser, String password) throws SQLException {
		try (Statement statement = superuser.createStatement()) {
			statement.execute("select pg_advisory_lock(hashtext('lethe-test-roles'))");
			try {
				statement.execute(script("roles.sql"));
				statement.execute(script("schemas.sql"));
				if (!password.isEmpty()) {
					// a server that asks for passwords: the roles get the superuser's,
					// see TestPostgres.as
					for (String role : new String[] { COMMAND, WORKER }) {
						statement.execute("alter role " + role + " password '" + password.replace("'", "''") + "'");
					}
				}
			}
			finally {
				statement.execute("select pg_advisory_unlock(hashtext('lethe-test-roles'))");
			}
		}
	}

	private static String script(String name) {
		try (InputStream in = DatabaseRoles.class.getResourceAsStream("db/" + name)) {
			if (in == null) {
				throw new IllegalStateException("testkit was built without scripts/db/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
