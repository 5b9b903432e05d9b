package io.lethe.system;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lethe.testkit.Api;
import io.lethe.testkit.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clients of one org, and an operator, use the system at once while two purge
 * workers purge: creates, uploads, attaches across datasets, vectors, deletes with and
 * without grace, restores, legal holds, asset deletes (plain, force, cascade), samples
 * deletes with their sources, purge-now and real reconciler runs. Then, once the system
 * is quiet, an invariant check over PostgreSQL, the vector index and object storage:
 * every live item whole, every held or restorable dataset intact, every restored one
 * whole, every due delete purged with zero residue and one receipt, no job held by two
 * workers at once, and no 5xx. Seeded ({@code -Dlethe.concurrency.seed=}); the thread
 * interleaving is not, so a seed replays the same mix of operations, not the same race.
 */
class ConcurrentUseSystemTests {

	/**
	 * The workers here accept reconciler runs with this safety age (the default minimum
	 * is an hour, which would leave the reconciler nothing to do in a two-minute run).
	 */
	static final String RECONCILE_SAFETY_AGE = "PT30S";

	private static final Map<String, String> WORKER_ENV = Map.of("LETHE_RECONCILE_MIN_SAFETY_AGE", RECONCILE_SAFETY_AGE,
			"LETHE_RECONCILE_SAFETY_AGE", RECONCILE_SAFETY_AGE, "LETHE_RECONCILE_CRON", "-");

	/**
	 * Lost events are swept after 20 s rather than 10 min, within the settle bound; a
	 * write counts as in flight for 15 s rather than 2 min (every write here takes
	 * milliseconds), so purges verify soon after the clients stop.
	 */
	private static final List<String> WORKER_ARGS = List.of("--lethe.purge.sweep-delay=PT20S",
			"--lethe.purge.engine.in-flight-write-window=PT15S");

	private final LetheSystem system = LetheSystem.get();

	private final Api api = new Api(this.system.commandService.baseUrl());

	@Test
	void concurrentUsersNeverBreakADeletionRule() throws Exception {
		long seed = Long.getLong("lethe.concurrency.seed", System.nanoTime());
		int seconds = Integer.getInteger("lethe.concurrency.seconds", 20);
		int clients = Integer.getInteger("lethe.concurrency.clients", 5);
		Duration settle = Duration.ofSeconds(Integer.getInteger("lethe.concurrency.settle-seconds", 240));
		System.out.printf("Concurrency suite: seed %d, %d s, %d clients (-Dlethe.concurrency.seed=%d to replay)%n",
				seed, seconds, clients, seed);
		Findings findings = new Findings();
		UsageModel model = new UsageModel(findings, UUID.fromString(this.system.orgAId()));
		List<ServiceProcess> workers = new ArrayList<>();
		this.system.worker.stop();
		try (Stores stores = new Stores(this.system)) {
			ContentOperations content = new ContentOperations(this.api, this.system.orgAKey(), model,
					(asset) -> ownerReleased(stores, asset));
			LifecycleOperations lifecycle = new LifecycleOperations(this.api, this.system.orgAKey(),
					this.system.operatorKey(), model);
			DeletionOperations deletions = new DeletionOperations(this.api, this.system.orgAKey(), model);
			workers.addAll(this.system.startWorkers(WORKER_ENV, WORKER_ARGS, "concurrent-a", "concurrent-b"));
			Instant since = Instant.now().minusSeconds(1);
			LeaseSampler leases = new LeaseSampler(this.system, findings);
			run(clients, seed, Instant.now().plusSeconds(seconds), model, content, lifecycle, deletions);
			model.runLaterChecks();

			// a few seconds' grace given at the very end is over before the check looks
			Instant due = Instant.now().plusSeconds(10);
			PurgeCheck purges = new PurgeCheck(this.system, stores, model, this.api, since);
			purges.awaitQuiet(due, settle, lifecycle.reconcileRuns());
			leases.close();
			LiveContentCheck live = new LiveContentCheck(stores, model, this.api, this.system.orgAKey());
			live.check(due);
			purges.check(due);

			report(seed, seconds, clients, model, live, leases, purges.dueDatasets(due).size());
			assertThat(findings.violations())
				.as("deletion rules broken under concurrent use (seed %d):%n  %s%nerrors the command service logged:%n  %s",
						seed, String.join("\n  ", findings.violations()),
						String.join("\n  ", this.system.commandService.loggedErrors(5)))
				.isEmpty();
		}
		finally {
			workers.forEach(ServiceProcess::close);
			this.system.worker.restart();
		}
	}

	private static boolean ownerReleased(Stores stores, UUID asset) {
		try {
			return stores.count("select count(*) from catalog.assets where id = ? and owner_dataset_id is null",
					asset) > 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void run(int clients, long seed, Instant deadline, UsageModel model, ContentOperations content,
			LifecycleOperations lifecycle, DeletionOperations deletions) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				running
					.add(pool.submit(new ConcurrentClient(model, content, lifecycle, deletions, seed + i, deadline)));
			}
			for (Future<?> client : running) {
				client.get(Duration.between(Instant.now(), deadline).toSeconds() + 120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void report(long seed, int seconds, int clients, UsageModel model, LiveContentCheck live,
			LeaseSampler leases, int duePurged) {
		Findings findings = model.findings;
		long held = model.datasets().stream().filter((d) -> d.last().held()).count();
		long restored = model.datasets().stream().filter((d) -> d.restored && d.last().active()).count();
		Map<String, Long> counts = findings.counts();
		String byOperation = counts.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(", "));
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("seed", seed);
		figures.put("seconds", seconds);
		figures.put("clients", clients);
		figures.put("workers", leases.holders().size());
		figures.put("operations", findings.operations());
		figures.put("answers_5xx",
				counts.entrySet()
					.stream()
					.filter((e) -> e.getKey().matches(".* (5\\d\\d|no-answer)"))
					.mapToLong(Map.Entry::getValue)
					.sum());
		figures.put("live_items_checked", live.itemsChecked());
		figures.put("due_datasets_purged", duePurged);
		figures.put("held_datasets", held);
		figures.put("restored_datasets", restored);
		figures.put("lease_observations", leases.observations());
		figures.put("violations", findings.violations().size());
		figures.put("by_operation", byOperation);
		Reliability.record("concurrency", figures);
		System.out.printf("Concurrency suite (seed %d): %d operations by %d clients in %d s; %s%n", seed,
				findings.operations(), clients, seconds, byOperation);
		System.out.printf(
				"Concurrency suite: %d live items checked, %d due datasets, %d held, %d restored, "
						+ "%d lease observations (%d owner changes, holders %s), %d violations%n",
				live.itemsChecked(), duePurged, held, restored, leases.observations(), leases.ownerChanges(),
				leases.holders(), findings.violations().size());
		findings.violations().forEach((v) -> System.out.println("  " + v));
	}

}
