package io.lethe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.lethe.testkit.Api;

/**
 * Purge throughput with 1, 2 and 4 worker processes: {@code datasets} datasets of
 * {@code items} items each (seeded afresh for each worker count), all deleted with
 * {@code grace=PT0S} at once, behind the emulated round trip ({@link DelayProxy} in front
 * of the in-memory S3 endpoint); timed from the first {@code DELETE} to the last
 * {@code purged}, after the workers have warmed up on small purges until their JIT
 * compilers are quiet, as in the purge settings ({@link PurgeBenchmarks}): fresh JVMs
 * that still compile share the two cores with each other, which would favour the run with
 * the fewest workers. The workers share the jobs through their leases.
 */
final class ScaleOutBenchmarks {

	private static final int[] WORKERS = { 1, 2, 4 };

	private static final int EXTRA_VERSION_EVERY = 10;

	private static final int PUT_THREADS = 16;

	private static final int WARM_UP_ITEMS = 200;

	/** Warm-up rounds at least, and at most while a worker's JIT still compiles. */
	private static final int MIN_WARM_UP_ROUNDS = 3;

	private static final int MAX_WARM_UP_ROUNDS = 30;

	/**
	 * Time for each warm-up, which would otherwise take the bench past its 20 minutes.
	 */
	private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(20);

	/**
	 * A pool of 8 connections per worker in every run of the scenario (16 by default):
	 * four workers and the command service at 16 each, beside other users of the
	 * machine's PostgreSQL (100 connections here), ran out of connections. A worker runs
	 * one job at a time: 4 object batches in flight, its heartbeat, intake and status.
	 */
	private static final Map<String, String> WORKER_ENV = Map.of("LETHE_DB_POOL", "8");

	private final BenchStack stack;

	private final Options options;

	ScaleOutBenchmarks(BenchStack stack, Options options) {
		this.stack = stack;
		this.options = options;
	}

	Map<String, Object> run() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		int datasets = this.options.scaleoutDatasets();
		int items = this.options.scaleoutItems();
		result.put("datasets", datasets);
		result.put("items_per_dataset", items);
		result.put("delay_ms_per_request", this.options.rttMillis());
		Map<Integer, Double> rates = new LinkedHashMap<>();
		try (MemS3 mem = new MemS3(this.stack.s3.bucket());
				DelayProxy proxy = new DelayProxy(mem.endpoint(), this.options.rttMillis())) {
			Seeder seeder = new Seeder(this.stack, mem::put);
			for (int workers : WORKERS) {
				Bench.progress("scale-out: seeding " + datasets + " datasets of " + items + " items for " + workers
						+ " worker(s)");
				List<Seeder.Seeded> seeded = seeder.datasets(this.stack.orgKey(), UUID.fromString(this.stack.orgId()),
						datasets, items, EXTRA_VERSION_EVERY, PUT_THREADS);
				List<Service> started = this.stack.startWorkers(workers, this.options.workerHeap(), proxy.endpoint(),
						WORKER_ENV);
				Bench.progress("scale-out: warming up " + workers + " worker(s) until their JIT is quiet");
				List<Map<String, Object>> warm = warmUp(seeder, mem, started, Math.min(WARM_UP_ITEMS, items));
				this.stack.db.settle();
				Bench.progress("scale-out: " + workers + " worker(s) purge them");
				Map<String, Object> run = purgeAll(seeded, mem);
				run.put("workers", workers);
				run.put("warm_up", warm);
				result.put("workers_" + workers, run);
				rates.put(workers, (Double) run.get("items_per_s"));
				this.stack.stopWorker();
			}
		}
		finally {
			this.stack.stopWorker();
		}
		for (int workers : WORKERS) {
			if (workers > 1) {
				result.put("workers_" + workers + "_over_1", rates.get(workers) / rates.get(1));
			}
		}
		return result;
	}

	/**
	 * One large dataset ({@code --scaleout-large-items}, 20,000 items by default) behind
	 * the same round trip, purged by 1, 2 and 4 workers: one worker holds the job, the
	 * others help with its org sweep's shard tasks. Seeded afresh for each worker count,
	 * after the same warm-up; records how many shards each worker emptied.
	 */
	Map<String, Object> runLarge() throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		int items = this.options.scaleoutLargeItems();
		result.put("items", items);
		result.put("delay_ms_per_request", this.options.rttMillis());
		Map<Integer, Double> rates = new LinkedHashMap<>();
		try (MemS3 mem = new MemS3(this.stack.s3.bucket());
				DelayProxy proxy = new DelayProxy(mem.endpoint(), this.options.rttMillis())) {
			Seeder seeder = new Seeder(this.stack, mem::put);
			for (int workers : WORKERS) {
				Bench.progress(
						"scale-out, one large dataset: seeding " + items + " items for " + workers + " worker(s)");
				Seeder.Seeded large = seeder.dataset(this.stack.orgKey(), UUID.fromString(this.stack.orgId()), items,
						EXTRA_VERSION_EVERY, PUT_THREADS);
				List<Service> started = this.stack.startWorkers(workers, this.options.workerHeap(), proxy.endpoint(),
						WORKER_ENV);
				Bench.progress(
						"scale-out, one large dataset: warming up " + workers + " worker(s) until their JIT is quiet");
				List<Map<String, Object>> warm = warmUp(seeder, mem, started, Math.min(WARM_UP_ITEMS, items));
				this.stack.db.settle();
				Bench.progress("scale-out, one large dataset: " + workers + " worker(s) purge it");
				Map<String, Object> run = purgeAll(List.of(large), mem);
				run.put("workers", workers);
				run.put("warm_up", warm);
				run.put("shards_per_worker", shardsPerWorker(large));
				result.put("workers_" + workers, run);
				rates.put(workers, (Double) run.get("items_per_s"));
				this.stack.stopWorker();
			}
		}
		finally {
			this.stack.stopWorker();
		}
		result.put("large_workers_2_over_1", rates.get(2) / rates.get(1));
		result.put("large_workers_4_over_1", rates.get(4) / rates.get(1));
		return result;
	}

	/**
	 * Rounds of as many small purges at once as there are workers, until every worker's
	 * JIT is quiet ({@link JitWarmUp}).
	 */
	private List<Map<String, Object>> warmUp(Seeder seeder, MemS3 mem, List<Service> workers, int items)
			throws Exception {
		return JitWarmUp.untilQuiet(workers, MIN_WARM_UP_ROUNDS, MAX_WARM_UP_ROUNDS, WARM_UP_BUDGET, "jit_seconds_most",
				() -> {
					List<Seeder.Seeded> small = seeder.datasets(this.stack.orgKey(),
							UUID.fromString(this.stack.orgId()), workers.size(), items, EXTRA_VERSION_EVERY,
							PUT_THREADS);
					return purgeAll(small, mem).get("seconds");
				});
	}

	/** Which worker emptied each shard task of the dataset's purge. */
	private Map<String, Object> shardsPerWorker(Seeder.Seeded dataset) {
		Map<String, Object> counts = new LinkedHashMap<>();
		try (var connection = this.stack.db.connect();
				var select = connection.prepareStatement("select s.done_by, count(*) from purge.job_shards s "
						+ "join purge.jobs j on j.id = s.job_id where j.root_type = 'dataset' and j.root_id = ? "
						+ "group by 1 order by 1")) {
			select.setObject(1, dataset.dataset());
			try (var rs = select.executeQuery()) {
				while (rs.next()) {
					counts.put(String.valueOf(rs.getString(1)), rs.getLong(2));
				}
			}
		}
		catch (java.sql.SQLException ex) {
			counts.put("unknown", ex.getMessage());
		}
		return counts;
	}

	/** Deletes every dataset, then polls their statuses until all are purged. */
	private Map<String, Object> purgeAll(List<Seeder.Seeded> seeded, MemS3 mem) {
		Api api = new Api(this.stack.api());
		String key = this.stack.orgKey();
		long listedBefore = mem.versionsListed();
		long start = System.nanoTime();
		for (Seeder.Seeded dataset : seeded) {
			Api.Response deleted = api.delete("/api/v1/datasets/" + dataset.dataset() + "?grace=PT0S", key);
			if (deleted.status() != 200) {
				throw new IllegalStateException("DELETE failed: " + deleted);
			}
		}
		List<Seeder.Seeded> waiting = new ArrayList<>(seeded);
		List<Double> finished = new ArrayList<>();
		while (!waiting.isEmpty()) {
			Bench.sleep(100);
			// A round stops at the first dataset not purged yet: sixteen reads every
			// 100 ms cost the command service a share of the two cores the workers
			// need, and the run ends only once the last is purged anyway.
			while (!waiting.isEmpty()) {
				var status = api.get("/api/v1/datasets/" + waiting.get(0).dataset() + "/deletion", key).json();
				if ("failed".equals(status.path("job").path("state").asString(""))) {
					throw new IllegalStateException("The purge failed: " + status.path("job"));
				}
				if (!"purged".equals(status.path("state").asString(""))) {
					break;
				}
				finished.add((System.nanoTime() - start) / 1e9);
				waiting.remove(0);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long items = seeded.stream().mapToLong(Seeder.Seeded::items).sum();
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("items", items);
		run.put("seconds", seconds);
		run.put("items_per_s", items / seconds);
		run.put("first_purged_s", finished.get(0));
		run.put("jobs_per_worker", jobsPerWorker(seeded));
		// An org sweep lists the org's assets whole for each job: with many jobs of
		// one org at once, every job lists the versions of all the others.
		long deleted = seeded.stream().mapToLong(Seeder.Seeded::objects).sum();
		long listed = mem.versionsListed() - listedBefore;
		run.put("versions_deleted", deleted);
		run.put("versions_listed", listed);
		run.put("versions_listed_per_deleted", (double) listed / deleted);
		return run;
	}

	/** Which worker ended each job, from the purge's audit record. */
	private Map<String, Object> jobsPerWorker(List<Seeder.Seeded> seeded) {
		Map<String, Object> counts = new LinkedHashMap<>();
		try (var connection = this.stack.db.connect();
				var select = connection.prepareStatement("select actor, count(*) from catalog.audit "
						+ "where action = 'purge.completed' and target_id = any(?) group by 1 order by 1")) {
			select.setArray(1, connection.createArrayOf("uuid", seeded.stream().map(Seeder.Seeded::dataset).toArray()));
			try (var rs = select.executeQuery()) {
				while (rs.next()) {
					counts.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		catch (java.sql.SQLException ex) {
			counts.put("unknown", ex.getMessage());
		}
		return counts;
	}

}
