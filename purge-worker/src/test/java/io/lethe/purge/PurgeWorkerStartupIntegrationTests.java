package io.lethe.purge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class PurgeWorkerStartupIntegrationTests extends PurgeWorkerIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void theWorkerStartsHealthyWithItsOwnSchema() throws Exception {
		HttpResponse<String> health = get(this.managementPort, "/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(this.workerJdbc.sql("select count(*) from information_schema.schemata where schema_name = 'purge'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theWorkersStatementsAreNeverPreparedOnTheServer() throws Exception {
		// a generic plan, kept for a prepared statement after five runs, fits a dataset
		// of
		// 100 items or one of 100,000, never both
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
		}
	}

	@Test
	void managementEndpointsAreServedOnTheirOwnPortOnly() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/metrics" }) {
			assertThat(get(this.port, path).statusCode()).as(path).isEqualTo(404);
			assertThat(get(this.managementPort, path).statusCode()).as(path).isEqualTo(200);
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
