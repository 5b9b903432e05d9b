package io.lethe.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lethe.devstack.Ports;
import io.lethe.testkit.Api;
import io.lethe.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill -9 the purge worker at random points of a large purge, again and again, with a
 * second worker beside it, then stop both gracefully and let a third finish: the purge
 * still ends with zero residue and exactly one receipt, and no two workers ever hold the
 * job at once.
 */
class WorkerCrashSystemTests {

	/**
	 * Crash workers hold short leases so that a dead one's job is taken over in seconds.
	 */
	private static final List<String> CRASH_WORKER_ARGS = List.of("--lethe.purge.lease=PT3S",
			"--lethe.purge.max-attempts=1000", "--lethe.purge.engine.object-batch=50",
			"--lethe.purge.engine.objects-in-flight=1", "--lethe.purge.engine.row-chunk=100",
			"--lethe.purge.engine.row-chunk-max=100", "--lethe.purge.engine.vector-chunk=250",
			"--lethe.purge.engine.prefixes-per-checkpoint=20", "--lethe.purge.engine.prefixes-in-flight=2",
			"--lethe.purge.shards.in-flight=1", "--lethe.purge.shards.lease=PT3S");

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	/**
	 * The worker that finishes the job: every kill counted as an attempt, so it needs the
	 * crash workers' budget of attempts, not their throttle.
	 */
	private static final List<String> FINISHER_ARGS = List.of("--lethe.purge.max-attempts=1000");

	private final LetheSystem system = LetheSystem.get();

	private final Api api = new Api(this.system.commandService.baseUrl());

	@Test
	void aPurgeKilledAgainAndAgainFinishesWithZeroResidueAndOneReceipt() throws Exception {
		int wantedKills = Integer.getInteger("lethe.crash.kills", 4);
		int items = Integer.getInteger("lethe.crash.items", 3_000);
		long seed = Long.getLong("lethe.crash.seed", System.nanoTime());
		Random random = new Random(seed);
		String key = this.system.orgAKey();
		UUID org = UUID.fromString(this.system.orgAId());
		UUID dataset = UUID.fromString(
				this.api.post("/api/v1/datasets", key, Map.of("name", "crash_" + seed)).json().get("id").stringValue());
		try (Stores stores = new Stores(this.system)) {
			// a vector for one item in four: the vectors step still spans several chunks,
			// and seeding takes seconds instead of a minute of HNSW inserts
			stores.seedItems(org, dataset, "seed", items, 512, items / 4);
		}
		this.system.worker.stop();
		List<ServiceProcess> workers = new ArrayList<>();
		List<LeaseSample> samples = new CopyOnWriteArrayList<>();
		AtomicBoolean sampling = new AtomicBoolean(true);
		int kills = 0;
		try {
			workers.addAll(this.system.startWorkers(Map.of(), CRASH_WORKER_ARGS, "crash-b", "crash-c"));
			assertThat(this.api.delete("/api/v1/datasets/" + dataset + "?grace=PT0S", key).status()).isEqualTo(200);
			Thread sampler = new Thread(() -> sample(dataset, samples, sampling), "lease-sampler");
			sampler.start();

			Map<String, CompletableFuture<Void>> restarts = new ConcurrentHashMap<>();
			while (kills < wantedKills) {
				// the holder is a worker that is up (not one still restarting whose stale
				// lease has not lapsed)
				String owner = await().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> leaseOwner(dataset),
							(o) -> "completed".equals(o) || (o != null && restarts.getOrDefault(o, DONE).isDone()));
				if ("completed".equals(owner)) {
					break;
				}
				// let the holder work a random while, then kill it mid-whatever it is
				// doing
				Thread.sleep(300 + random.nextInt(2200));
				if (!owner.equals(leaseOwner(dataset))) {
					continue;
				}
				ServiceProcess victim = workers.stream()
					.filter((w) -> w.name().equals(owner))
					.findFirst()
					.orElseThrow();
				victim.kill();
				kills++;
				restarts.put(owner, CompletableFuture.runAsync(victim::restart));
			}
			CompletableFuture.allOf(restarts.values().toArray(CompletableFuture[]::new)).join();
			assertThat(kills).as("the purge finished after %d kills; seed more items (seed %d)", kills, seed)
				.isEqualTo(wantedKills);
			// the kills are done: a worker without the crash workers' throttle starts,
			// they
			// stop gracefully mid-purge, and it takes the job over and finishes it,
			// instead
			// of minutes more of a purge slowed down so that the kills land in every step
			ServiceProcess finisher = this.system.startWorker(Ports.free(), "crash-finisher", Map.of(), FINISHER_ARGS);
			workers.forEach(ServiceProcess::close);
			workers.add(finisher);

			JsonNode status = await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.api.get("/api/v1/datasets/" + dataset + "/deletion", key).json(),
						(s) -> "purged".equals(s.get("state").stringValue()));
			sampling.set(false);
			sampler.join();

			JsonNode receipt = status.get("receipt");
			assertThat(Receipts.verifies(receipt)).isTrue();
			try (Stores stores = new Stores(this.system)) {
				assertThat(stores.catalogRowsOf(dataset))
					.allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
				assertThat(stores.versionsUnder("orgs/" + org + "/datasets/" + dataset + "/")).isEmpty();
				assertThat(stores.count("select count(*) from purge.receipts where root_id = ?", dataset)).isEqualTo(1);
			}
			assertNoTwoWorkersHeldTheLeaseAtOnce(samples);
			Reliability.record("worker-kills", Map.of("seed", seed, "kills_survived", kills, "lease_observations",
					samples.size(), "owner_changes", ownerChanges(samples), "residue", 0, "receipts", 1));
			System.out.printf(
					"Worker crash test (seed %d): %d kills survived, %d lease observations, "
							+ "%d owner changes, residue 0, receipts 1%n",
					seed, kills, samples.size(), ownerChanges(samples));
		}
		finally {
			sampling.set(false);
			workers.forEach(ServiceProcess::close);
			this.system.worker.restart();
		}
	}

	/**
	 * The job's lease holder, "completed" once it is done, or null while nobody holds it.
	 */
	private String leaseOwner(UUID dataset) throws Exception {
		try (Connection connection = this.system.postgres.connect();
				PreparedStatement statement = connection.prepareStatement(
						"select state, lease_owner from purge.jobs where root_type = 'dataset' and root_id = ?")) {
			statement.setObject(1, dataset);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return "completed".equals(rs.getString(1)) ? "completed"
						: ("running".equals(rs.getString(1)) ? rs.getString(2) : null);
			}
		}
	}

	private void sample(UUID dataset, List<LeaseSample> samples, AtomicBoolean sampling) {
		try (Connection connection = this.system.postgres.connect();
				PreparedStatement statement = connection.prepareStatement("select now(), lease_owner, lease_expires_at "
						+ "from purge.jobs where root_type = 'dataset' and root_id = ? and state = 'running'")) {
			statement.setObject(1, dataset);
			while (sampling.get()) {
				try (ResultSet rs = statement.executeQuery()) {
					if (rs.next() && rs.getString(2) != null) {
						samples.add(new LeaseSample(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
								rs.getObject(3, OffsetDateTime.class).toInstant()));
					}
				}
				Thread.sleep(100);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Lease sampler failed", ex);
		}
	}

	/**
	 * Whenever the holder changed, the new holder was first seen no earlier than the last
	 * lease expiry seen of the old one: a lease is taken over only once it lapsed.
	 */
	private static void assertNoTwoWorkersHeldTheLeaseAtOnce(List<LeaseSample> samples) {
		for (int i = 1; i < samples.size(); i++) {
			LeaseSample before = samples.get(i - 1);
			LeaseSample after = samples.get(i);
			if (!before.owner().equals(after.owner())) {
				assertThat(after.at())
					.as("%s took the job from %s before its lease ran out", after.owner(), before.owner())
					.isAfterOrEqualTo(before.expires().minusMillis(100));
			}
		}
	}

	private static long ownerChanges(List<LeaseSample> samples) {
		long changes = 0;
		for (int i = 1; i < samples.size(); i++) {
			if (!samples.get(i - 1).owner().equals(samples.get(i).owner())) {
				changes++;
			}
		}
		return changes;
	}

	private record LeaseSample(Instant at, String owner, Instant expires) {
	}

}
