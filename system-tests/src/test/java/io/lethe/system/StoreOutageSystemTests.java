package io.lethe.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.devstack.Ports;
import io.lethe.testkit.Api;
import io.lethe.testkit.FaultyS3Proxy;
import io.lethe.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purges through stores that fail: an object store that throttles, errs and hangs for a
 * fraction of calls (a fault-injecting proxy on loopback in front of the real S3 server),
 * one that refuses everything, and a database that drops every connection mid-purge. A
 * purge either finishes with zero residue and a receipt that verifies, or ends failed,
 * visibly, with nothing reported as done.
 */
class StoreOutageSystemTests {

	private static final LetheSystem system = LetheSystem.get();

	private static FaultyS3Proxy proxy;

	private static ServiceProcess worker;

	private final Api api = new Api(system.commandService.baseUrl());

	@BeforeAll
	static void aWorkerBehindTheFaultyProxy() {
		proxy = FaultyS3Proxy.in(system.s3.endpoint());
		system.worker.stop();
		worker = system.startWorker(Ports.free(), "flaky-stores",
				Map.of("LETHE_S3_ENDPOINT", proxy.endpoint().toString()),
				List.of("--lethe.object-store.s3.call-timeout=PT1S", "--lethe.purge.lease=PT3S",
						"--lethe.purge.max-attempts=4", "--lethe.purge.retry.initial-backoff=PT0.5S",
						"--lethe.purge.retry.max-backoff=PT2S", "--lethe.purge.engine.object-batch=100",
						"--lethe.purge.engine.row-chunk=200", "--lethe.purge.engine.store-retry.initial-backoff=50ms",
						"--lethe.purge.engine.store-retry.max-backoff=500ms"));
	}

	@AfterAll
	static void theUsualWorkerAgain() {
		worker.close();
		proxy.close();
		system.worker.restart();
	}

	@Test
	void aPurgeThroughAThrottlingFailingHangingObjectStoreFinishesWithZeroResidue() throws Exception {
		proxy.transientFaults(0.15, 0.10, 0.01, Duration.ofSeconds(3));
		UUID dataset = seededDataset("flaky", 150);

		deleteNow(dataset);

		JsonNode status = awaitState(dataset, "purged", Duration.ofMinutes(4));
		assertZeroResidue(dataset);
		assertReceiptVerifies(status);
		assertThat(proxy.faultsInjected()).isGreaterThan(10);
		Reliability.record("store-faults", Map.of("faults_injected", proxy.faultsInjected(), "by_kind",
				proxy.injected(), "requests_forwarded", proxy.forwarded(), "residue", 0));
		System.out.printf("Object store faults: %d injected %s, %d forwarded, residue 0%n", proxy.faultsInjected(),
				proxy.injected(), proxy.forwarded());
	}

	@Test
	void aPermanentStoreFailureEndsFailedVisiblyWithNoReceiptAndARetrySucceeds() throws Exception {
		proxy.permanent();
		UUID dataset = seededDataset("refused", 200);

		deleteNow(dataset);

		JsonNode failed = awaitState(dataset, "failed", Duration.ofMinutes(2));
		assertThat(failed.get("receipt").isNull()).isTrue();
		assertThat(failed.get("job").get("state").stringValue()).isEqualTo("failed");
		// the member who deleted it learns that it failed; the store's own words are for
		// operators (the admin list of failed purges below)
		assertThat(failed.get("job").get("last_error").stringValue()).doesNotContain("Access Denied", "403")
			.contains("operator");
		assertThat(this.api.get("/api/v1/datasets/" + dataset, system.orgAKey()).json().get("status").stringValue())
			.as("fenced, never reported purged")
			.isEqualTo("purging");
		Api.Response failedJobs = this.api.get("/api/v1/admin/purges?state=failed&limit=100", system.operatorKey());
		assertThat(failedJobs.body()).contains(dataset.toString(), "Access Denied", "403");

		proxy.healthy();
		String job = failed.get("job").get("id").stringValue();
		assertThat(this.api.post("/api/v1/admin/purges/" + job + "/retry", system.operatorKey(), null).status())
			.isEqualTo(202);

		JsonNode purged = awaitState(dataset, "purged", Duration.ofMinutes(2));
		assertZeroResidue(dataset);
		assertReceiptVerifies(purged);
	}

	@Test
	void aPurgeWhoseDatabaseConnectionsAreDroppedAgainAndAgainResumesAndFinishes() throws Exception {
		proxy.healthy();
		UUID dataset = seededDataset("dropped", 2_000);

		deleteNow(dataset);

		int drops = 0;
		long terminated = 0;
		while (drops < 6 && !"purged".equals(state(dataset))) {
			if (isRunning(dataset)) {
				terminated += dropEveryOtherConnection();
				drops++;
			}
			// chaos timing: let the purge work a little between two drops (at 400 ms a
			// fast hour's purge ended after two)
			Thread.sleep(200);
		}
		JsonNode status = awaitState(dataset, "purged", Duration.ofMinutes(4));
		assertThat(drops).as("connection drops while the purge ran").isGreaterThanOrEqualTo(3);
		assertZeroResidue(dataset);
		assertReceiptVerifies(status);
		Reliability.record("database-drops",
				Map.of("drops", drops, "connections_terminated", terminated, "residue", 0));
		System.out.printf("Database connection drops: %d rounds, %d connections terminated, residue 0%n", drops,
				terminated);
	}

	private UUID seededDataset(String name, int items) throws Exception {
		UUID dataset = UUID.fromString(
				this.api.post("/api/v1/datasets", system.orgAKey(), Map.of("name", name + "_" + System.nanoTime()))
					.json()
					.get("id")
					.stringValue());
		try (Stores stores = new Stores(system)) {
			stores.seedItems(UUID.fromString(system.orgAId()), dataset, "seed", items, 512);
		}
		return dataset;
	}

	private void deleteNow(UUID dataset) {
		assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", system.orgAKey()).status())
			.isEqualTo(200);
	}

	private JsonNode awaitState(UUID dataset, String state, Duration atMost) {
		return await().atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> status(dataset),
					(status) -> status != null && state.equals(status.get("state").stringValue()));
	}

	private String state(UUID dataset) {
		JsonNode status = status(dataset);
		return (status != null) ? status.get("state").stringValue() : null;
	}

	/**
	 * The deletion status, or null while the service answers 503 (its database
	 * connections were just dropped), as a client retrying on 503 would see it.
	 */
	private JsonNode status(UUID dataset) {
		Api.Response answer = this.api.get("/api/v1/datasets/" + dataset + "/deletion", system.orgAKey());
		if (answer.status() == 503) {
			return null;
		}
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private boolean isRunning(UUID dataset) throws Exception {
		try (Stores stores = new Stores(system)) {
			return stores.count("select count(*) from purge.jobs where root_id = ? and state = 'running'", dataset) > 0;
		}
	}

	/**
	 * Terminates every connection to the test database but this one's: both services lose
	 * theirs.
	 */
	private static long dropEveryOtherConnection() throws Exception {
		try (Connection connection = system.postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid)) "
						+ "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void assertZeroResidue(UUID dataset) throws Exception {
		UUID org = UUID.fromString(system.orgAId());
		try (Stores stores = new Stores(system)) {
			assertThat(stores.catalogRowsOf(dataset)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
			assertThat(stores.versionsUnder("orgs/" + org + "/datasets/" + dataset + "/")).isEmpty();
			assertThat(stores.count("select count(*) from purge.receipts where root_id = ?", dataset)).isEqualTo(1);
		}
	}

	private static void assertReceiptVerifies(JsonNode status) throws Exception {
		JsonNode receipt = status.get("receipt");
		assertThat(Receipts.verifies(receipt)).isTrue();
	}

}
