package io.lethe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import io.lethe.bench.floor.CommandFloor;
import io.lethe.testkit.TestInfrastructure;
import io.lethe.testkit.TestPostgres;
import io.lethe.testkit.TestSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command path's framework floor does the work it stands for, on the real database: a
 * create inserts its dataset, a delete updates it and inserts its outbox row in one
 * transaction, and a second delete of it finds nothing to do. Not timed.
 */
class CommandFloorIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static TestPostgres postgres;

	private static ConfigurableApplicationContext floor;

	private static String base;

	@BeforeAll
	static void startFloor() throws Exception {
		postgres = TestInfrastructure.postgres();
		TestSchemas.catalog(postgres);
		UUID org = UUID.randomUUID();
		try (Connection connection = postgres.connect()) {
			try (PreparedStatement insert = connection
				.prepareStatement("insert into catalog.orgs (id, name) values (?, 'floor_test')")) {
				insert.setObject(1, org);
				insert.executeUpdate();
			}
			PgBench.prepare(connection, 3);
		}
		floor = new SpringApplicationBuilder(CommandFloor.class).profiles("floor")
			.properties("FLOOR_PORT=0", "FLOOR_JDBC_URL=" + postgres.jdbcUrl(), "FLOOR_DB_USER=" + postgres.username(),
					"FLOOR_DB_PASSWORD=" + postgres.password(), "FLOOR_ORG_ID=" + org)
			.run();
		base = "http://127.0.0.1:" + floor.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopFloor() {
		if (floor != null) {
			floor.close();
		}
	}

	@Test
	void createInsertsTheDataset() throws Exception {
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/datasets"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"floor_created\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("floor_created");
		assertThat(count("select count(*) from pgbench.datasets where name = 'floor_created' and status = 'active'"))
			.isEqualTo(1);
	}

	@Test
	void deleteUpdatesTheDatasetAndWritesItsOutboxRowOnce() throws Exception {
		UUID id = UUID.fromString(string("select id::text from pgbench.datasets where n = 1"));
		long outboxBefore = count("select count(*) from pgbench.outbox");

		int first = delete(id);
		int second = delete(id);

		assertThat(first).isEqualTo(200);
		assertThat(second).isEqualTo(404);
		assertThat(string("select status from pgbench.datasets where n = 1")).isEqualTo("pending_deletion");
		assertThat(count("select count(*) from pgbench.outbox where aggregate_id = '" + id + "'")).isEqualTo(1);
		assertThat(count("select count(*) from pgbench.outbox")).isEqualTo(outboxBefore + 1);
	}

	private static int delete(UUID id) throws Exception {
		return HTTP
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/datasets/" + id)).DELETE().build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static long count(String sql) throws Exception {
		return Long.parseLong(string(sql));
	}

	private static String string(String sql) throws Exception {
		try (Connection connection = postgres.connect();
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
