package io.lethe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lethe.bench.floor.CommandFloor;
import io.lethe.devstack.Ports;

/**
 * Starts the command path's framework floor ({@link CommandFloor}) as a process of its
 * own on the bench's database, with the command service's heap and pool size, and hands
 * out ids of its datasets to delete (rows of {@code pgbench.datasets} that pgbench has
 * not touched yet: it runs after the floor).
 */
final class FrameworkFloor {

	private FrameworkFloor() {
	}

	static Service start(BenchStack stack, Path home) {
		int port = Ports.free();
		BenchDatabase db = stack.db;
		Map<String, String> env = Map.of("FLOOR_PORT", String.valueOf(port), "FLOOR_JDBC_URL", db.jdbcUrl(),
				"FLOOR_DB_USER", db.user(), "FLOOR_DB_PASSWORD", db.password(), "FLOOR_ORG_ID", stack.orgId());
		return Service.startMain("command-floor", CommandFloor.class, "512m", env, port,
				home.resolve("command-floor.log"));
	}

	/**
	 * The ids of the first {@code count} active datasets of the pgbench copy, in a file.
	 */
	static Path ids(BenchDatabase db, int count, Path home) throws Exception {
		List<String> ids = new ArrayList<>(count);
		try (Connection connection = db.connect();
				PreparedStatement select = connection
					.prepareStatement("select id from pgbench.datasets where status = 'active' order by n limit ?")) {
			select.setInt(1, count);
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
		}
		Path file = Files.createTempFile(home, "floor-ids-", ".txt");
		Files.write(file, ids);
		return file;
	}

}
